using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Partners.InviteMember;

public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Revoked = 3,
    Expired = 4,
}

/// <summary>
/// A member of a partner invites a colleague by mobile number. The colleague, signed in with that number, accepts
/// (and becomes a member) or declines; a member may revoke it first; it lapses after <see cref="ValidDays"/> days.
/// At most one open invitation per partner and number, held by a unique index on <see cref="OpenPhone"/>, which is the
/// number while the invitation is open and null once it is answered (both databases allow many nulls in a unique index).
/// </summary>
public sealed class PartnerInvitation
{
    public const int ValidDays = 14;

    private PartnerInvitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid PartnerId { get; private set; }

    /// <summary>Personal data: the invited mobile number, normalized; shown masked to the partner's members.</summary>
    public string Phone { get; private set; } = "";

    public string? OpenPhone { get; private set; }

    public Guid InvitedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public InvitationStatus Status { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public Guid? AnsweredById { get; private set; }

    public int Version { get; private set; }

    public static PartnerInvitation Create(Guid partnerId, string phone, Guid invitedById, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        PartnerId = partnerId,
        Phone = phone,
        OpenPhone = phone,
        InvitedById = invitedById,
        CreatedAt = now,
        ExpiresAt = now.AddDays(ValidDays),
        Status = InvitationStatus.Pending,
    };

    public bool IsOpen(DateTime now) => Status == InvitationStatus.Pending && now < ExpiresAt;

    /// <summary>The invited person says yes; the caller then adds them to the partner in the same unit of work.</summary>
    public void Accept(Guid userId, DateTime now) => Answer(InvitationStatus.Accepted, userId, now);

    public void Decline(Guid userId, DateTime now) => Answer(InvitationStatus.Declined, userId, now);

    /// <summary>A member takes the invitation back before it is answered.</summary>
    public void Revoke(Guid memberId, DateTime now)
    {
        Require(Status == InvitationStatus.Pending, "这份邀请已经处理过");
        Close(InvitationStatus.Revoked, memberId, now);
    }

    /// <summary>An open invitation past its date is closed as expired when the number is invited again.</summary>
    public void Lapse(DateTime now)
    {
        Require(Status == InvitationStatus.Pending && now >= ExpiresAt, "这份邀请还没有过期");
        Close(InvitationStatus.Expired, null, now);
    }

    public object Snapshot() => new { PartnerId, Phone = Platform.Auth.PersonalData.MaskPhone(Phone), Status, ExpiresAt, AnsweredById, Version };

    private void Answer(InvitationStatus status, Guid userId, DateTime now)
    {
        Require(Status == InvitationStatus.Pending, "这份邀请已经处理过");
        Require(now < ExpiresAt, "这份邀请已经过期，请同事重新邀请");
        Close(status, userId, now);
    }

    private void Close(InvitationStatus status, Guid? by, DateTime now)
    {
        Status = status;
        OpenPhone = null;
        AnsweredAt = now;
        AnsweredById = by;
        Version++;
    }
}

public sealed class PartnerInvitationConfiguration : IEntityTypeConfiguration<PartnerInvitation>
{
    public void Configure(EntityTypeBuilder<PartnerInvitation> builder)
    {
        builder.ToTable("partners_invitations");
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.OpenPhone).HasMaxLength(20);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.PartnerId, x.OpenPhone }).IsUnique();
        builder.HasIndex(x => x.Phone);
    }
}
