using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs;

/// <summary>Needs built in memory through the entity's own methods, for tests that need no database.</summary>
internal static class NeedFixture
{
    public static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
    public static readonly Guid Community = Guid.NewGuid();
    public static readonly Guid Raiser = Guid.NewGuid();
    public static readonly Guid Staff = Guid.NewGuid();

    public static readonly NeedCategory Category = NeedCategory.Create(Guid.NewGuid(), "sanitation", "环境卫生", "Sanitation", 1);

    /// <summary>Every move the entity knows, as the tests name them.</summary>
    public static readonly string[] Moves = ["respond", "start", "resolve", "reject", "merge", "rate:satisfied", "rate:basic", "rate:dissatisfied"];

    public static Need Raise(Guid? community = null, Guid? raiser = null, NeedCategory? category = null, DateTime? at = null, string title = "垃圾房满溢") =>
        Need.Raise(
            new NeedDraft(community ?? Community, title, "两天没人清运", "东门", null, null, NeedChannel.Web, raiser ?? Raiser, null, false),
            category ?? Category, at ?? Start);

    /// <summary>A need brought to <paramref name="status"/> the way it happens in life, one hour per step.</summary>
    public static Need InState(NeedStatus status)
    {
        var need = Raise();
        var t = Start;
        switch (status)
        {
            case NeedStatus.Submitted:
                break;
            case NeedStatus.Responded:
                need.Respond(Staff, "收到", t = t.AddHours(1));
                break;
            case NeedStatus.InProgress:
                need.Start(Staff, null, t = t.AddHours(1));
                break;
            case NeedStatus.Resolved:
                need.Respond(Staff, "收到", t = t.AddHours(1));
                need.Resolve(Staff, "已清运", t.AddHours(1));
                break;
            case NeedStatus.Rated:
                need.Respond(Staff, "收到", t = t.AddHours(1));
                need.Resolve(Staff, "已清运", t = t.AddHours(1));
                need.Rate(Raiser, Satisfaction.Satisfied, null, t.AddHours(1));
                break;
            case NeedStatus.Rejected:
                need.Reject(Staff, "不属于社区办理范围", t.AddHours(1));
                break;
            case NeedStatus.Merged:
                need.MergeInto(Raise(title: "同一个垃圾房"), Staff, t.AddHours(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }

        Assert.Equal(status, need.Status);
        return need;
    }

    /// <summary>Applies a named move at <paramref name="at"/>, as staff (or as the raiser for a rating).</summary>
    public static void Apply(Need need, string move, DateTime at)
    {
        switch (move)
        {
            case "respond": need.Respond(Staff, "收到", at); break;
            case "start": need.Start(Staff, "开始处理", at); break;
            case "resolve": need.Resolve(Staff, "已清运", at); break;
            case "reject": need.Reject(Staff, "不予受理", at); break;
            case "merge": need.MergeInto(Raise(title: "合并目标"), Staff, at); break;
            case "rate:satisfied": need.Rate(Raiser, Satisfaction.Satisfied, null, at); break;
            case "rate:basic": need.Rate(Raiser, Satisfaction.BasicallySatisfied, null, at); break;
            case "rate:dissatisfied": need.Rate(Raiser, Satisfaction.Dissatisfied, "还是很脏", at); break;
            default: throw new ArgumentOutOfRangeException(nameof(move));
        }
    }
}
