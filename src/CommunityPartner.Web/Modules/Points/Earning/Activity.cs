using System.Security.Cryptography;
using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Points.Earning;

/// <summary>
/// A community activity residents check in to — by typing its short code or scanning its QR code — and earn the points
/// of the community's earn rule for its type, once each, within its time window.
/// </summary>
public sealed class PointsActivity
{
    public const int TitleMax = 60;
    public const int CodeLength = 6;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private PointsActivity()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The earn rule's activity type: the points and the daily cap come from the rule at check-in time.</summary>
    public string ActivityType { get; private set; } = "";

    /// <summary>The short code residents type; the QR code is the check-in URL with it.</summary>
    public string Code { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static PointsActivity Create(Guid communityId, string title, string activityType, DateTime startsAt, DateTime endsAt, Guid staffId, DateTime now)
    {
        Require(endsAt > startsAt, "结束时间必须晚于开始时间");
        return new PointsActivity
        {
            Id = Guid.NewGuid(),
            CommunityId = communityId,
            Title = title,
            ActivityType = activityType,
            Code = NewCode(),
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedById = staffId,
            CreatedAt = now,
        };
    }

    public bool IsOpenAt(DateTime now) => now >= StartsAt && now < EndsAt;

    public static string NewCode() =>
        string.Create(CodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public object Snapshot() => new { Title, ActivityType, Code, StartsAt, EndsAt };
}

/// <summary>One resident's check-in at one activity. The key (activity, resident) makes a second check-in impossible.</summary>
public sealed class ActivityCheckIn
{
    private ActivityCheckIn()
    {
    }

    public Guid ActivityId { get; private set; }

    public Guid UserId { get; private set; }

    public long TransferId { get; private set; }

    public long Points { get; private set; }

    public DateTime At { get; private set; }

    public static ActivityCheckIn Record(Guid activityId, Guid userId, long transferId, long points, DateTime at) =>
        new() { ActivityId = activityId, UserId = userId, TransferId = transferId, Points = points, At = at };
}
