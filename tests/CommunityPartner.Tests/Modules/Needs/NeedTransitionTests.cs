using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Tests.Modules.Needs;

/// <summary>Every move from every state: the legal ones land where the spec says, the others are refused and change nothing.</summary>
public sealed class NeedTransitionTests
{
    /// <summary>The lifecycle of issue 3: submitted → responded → in progress → resolved → rated, plus rejected and merged.</summary>
    private static readonly Dictionary<(NeedStatus From, string Move), (NeedStatus To, NeedEventKind[] Events)> Legal = new()
    {
        [(NeedStatus.Submitted, "respond")] = (NeedStatus.Responded, [NeedEventKind.Responded]),
        [(NeedStatus.Submitted, "start")] = (NeedStatus.InProgress, [NeedEventKind.Started]),
        [(NeedStatus.Responded, "start")] = (NeedStatus.InProgress, [NeedEventKind.Started]),
        [(NeedStatus.Responded, "resolve")] = (NeedStatus.Resolved, [NeedEventKind.Resolved]),
        [(NeedStatus.InProgress, "resolve")] = (NeedStatus.Resolved, [NeedEventKind.Resolved]),
        [(NeedStatus.Submitted, "reject")] = (NeedStatus.Rejected, [NeedEventKind.Rejected]),
        [(NeedStatus.Responded, "reject")] = (NeedStatus.Rejected, [NeedEventKind.Rejected]),
        [(NeedStatus.InProgress, "reject")] = (NeedStatus.Rejected, [NeedEventKind.Rejected]),
        [(NeedStatus.Submitted, "merge")] = (NeedStatus.Merged, [NeedEventKind.Merged]),
        [(NeedStatus.Responded, "merge")] = (NeedStatus.Merged, [NeedEventKind.Merged]),
        [(NeedStatus.InProgress, "merge")] = (NeedStatus.Merged, [NeedEventKind.Merged]),
        [(NeedStatus.Resolved, "rate:satisfied")] = (NeedStatus.Rated, [NeedEventKind.Rated]),
        [(NeedStatus.Resolved, "rate:basic")] = (NeedStatus.Rated, [NeedEventKind.Rated]),
        [(NeedStatus.Resolved, "rate:dissatisfied")] = (NeedStatus.InProgress, [NeedEventKind.Rated, NeedEventKind.Reopened]),
    };

    /// <summary>The refusal each move gives, in the words the resident or staff member reads.</summary>
    private static readonly Dictionary<string, string> Refusals = new()
    {
        ["respond"] = "只有待回应的诉求才能回应",
        ["start"] = "只有待回应或已回应的诉求才能开始处理",
        ["resolve"] = "只有已回应或处理中的诉求才能标记为已解决",
        ["reject"] = "这条诉求已经办结，不能再不予受理",
        ["merge"] = "这条诉求已经办结，不能合并",
        ["rate:satisfied"] = "只有已解决的诉求才能评价",
        ["rate:basic"] = "只有已解决的诉求才能评价",
        ["rate:dissatisfied"] = "只有已解决的诉求才能评价",
    };

    public static TheoryData<NeedStatus, string> AllMoves()
    {
        var data = new TheoryData<NeedStatus, string>();
        foreach (var status in Enum.GetValues<NeedStatus>())
        {
            foreach (var move in NeedFixture.Moves)
            {
                data.Add(status, move);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllMoves))]
    public void Move_FromEveryState_LegalLandsInSpecStateIllegalIsRefusedUnchanged(NeedStatus from, string move)
    {
        var need = NeedFixture.InState(from);
        var version = need.Version;
        var events = need.Events.Count;
        var at = NeedFixture.Start.AddDays(1);

        if (Legal.TryGetValue((from, move), out var expected))
        {
            NeedFixture.Apply(need, move, at);

            Assert.Equal(expected.To, need.Status);
            Assert.Equal(version + 1, need.Version);
            Assert.Equal(expected.Events, need.Events.Skip(events).Select(e => e.Kind));
            Assert.All(need.Events.Skip(events), e => Assert.Equal(at, e.At));
        }
        else
        {
            var refusal = Assert.Throws<DomainException>(() => NeedFixture.Apply(need, move, at));

            Assert.Equal(Refusals[move], refusal.MessageKey);
            Assert.Equal(from, need.Status);
            Assert.Equal(version, need.Version);
            Assert.Equal(events, need.Events.Count);
        }
    }

    [Theory]
    [InlineData(NeedStatus.Submitted, true)]
    [InlineData(NeedStatus.Responded, true)]
    [InlineData(NeedStatus.InProgress, true)]
    [InlineData(NeedStatus.Resolved, false)]
    [InlineData(NeedStatus.Rated, false)]
    [InlineData(NeedStatus.Rejected, false)]
    [InlineData(NeedStatus.Merged, false)]
    public void IsOpen_EachState_TrueOnlyWhileBeingHandled(NeedStatus status, bool open) =>
        Assert.Equal(open, NeedFixture.InState(status).IsOpen);
}
