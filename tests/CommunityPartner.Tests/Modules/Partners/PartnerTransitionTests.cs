using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>The entity guards its own review: only a pending partner is reviewed; edits send it back when they should.</summary>
public sealed class PartnerTransitionTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly Guid Community = Guid.NewGuid();

    private static PartnerDraft Draft(string name = "科技城建设集团", string code = "91110000600037341L", string intro = "参与老旧设施改造。") =>
        new(PartnerType.Enterprise, name, code, "王经理", "13900000201", intro, ["funding"], [Community], true);

    private static Partner InState(PartnerStatus status)
    {
        var partner = Partner.Register(Draft(), Member, Now);
        if (status == PartnerStatus.Verified)
        {
            partner.Verify(Admin, Now.AddHours(1));
        }
        else if (status == PartnerStatus.Rejected)
        {
            partner.Reject(Admin, "营业执照照片看不清", Now.AddHours(1));
        }

        Assert.Equal(status, partner.Status);
        return partner;
    }

    [Fact]
    public void Register_IsPendingWithTheCallerAsOwner()
    {
        var partner = Partner.Register(Draft(), Member, Now);

        Assert.Equal(PartnerStatus.Pending, partner.Status);
        Assert.True(partner.HasMember(Member));
        Assert.True(partner.Members.Single().IsOwner);
    }

    [Fact]
    public void Register_Individual_DropsTheCode()
    {
        var partner = Partner.Register(Draft() with { Type = PartnerType.Individual }, Member, Now);

        Assert.Null(partner.CreditCode);
    }

    [Theory]
    [InlineData(PartnerStatus.Verified, true)]
    [InlineData(PartnerStatus.Verified, false)]
    [InlineData(PartnerStatus.Rejected, true)]
    [InlineData(PartnerStatus.Rejected, false)]
    public void Review_NotPending_IsDomainExceptionAndChangesNothing(PartnerStatus status, bool verify)
    {
        var partner = InState(status);
        var (version, reason) = (partner.Version, partner.RejectReason);

        var e = Assert.Throws<DomainException>(() =>
        {
            if (verify)
            {
                partner.Verify(Admin, Now.AddHours(2));
            }
            else
            {
                partner.Reject(Admin, "再退一次", Now.AddHours(2));
            }
        });

        Assert.Equal("只有待审核的合伙人才能审核", e.MessageKey);
        Assert.Equal((status, version, reason), (partner.Status, partner.Version, partner.RejectReason));
    }

    [Fact]
    public void Verify_Pending_IsVerifiedWithReviewer()
    {
        var partner = InState(PartnerStatus.Verified);

        Assert.Equal((Admin, Now.AddHours(1)), (partner.ReviewedById, partner.ReviewedAt));
        Assert.Null(partner.RejectReason);
    }

    [Fact]
    public void Reject_Pending_KeepsTheReason() =>
        Assert.Equal("营业执照照片看不清", InState(PartnerStatus.Rejected).RejectReason);

    [Fact]
    public void Edit_Rejected_GoesBackToPendingAndForgetsTheReason()
    {
        var partner = InState(PartnerStatus.Rejected);

        partner.Edit(Draft(intro: "补充了营业执照。"));

        Assert.Equal(PartnerStatus.Pending, partner.Status);
        Assert.Null(partner.RejectReason);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("code")]
    public void Edit_VerifiedIdentityChanged_GoesBackToPending(string what)
    {
        var partner = InState(PartnerStatus.Verified);

        partner.Edit(what == "name" ? Draft(name: "科技城建设集团有限公司") : Draft(code: "91350100M000100Y43"));

        Assert.Equal(PartnerStatus.Pending, partner.Status);
    }

    [Fact]
    public void Edit_VerifiedOnlyIntroduction_StaysVerified()
    {
        var partner = InState(PartnerStatus.Verified);
        var version = partner.Version;

        partner.Edit(Draft(intro: "新的介绍。"));

        Assert.Equal((PartnerStatus.Verified, "新的介绍。", version + 1), (partner.Status, partner.Introduction, partner.Version));
    }

    [Fact]
    public void Edit_Pending_StaysPending()
    {
        var partner = InState(PartnerStatus.Pending);

        partner.Edit(Draft(name: "改名"));

        Assert.Equal(PartnerStatus.Pending, partner.Status);
    }
}
