using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Tests.Modules.Needs;

/// <summary>The response, resolution and satisfaction facts the three rates are computed from, and who may rate.</summary>
public sealed class NeedFactsTests
{
    private static readonly DateTime T0 = NeedFixture.Start;

    [Fact]
    public void Raise_NewNeed_IsSubmittedWithOneSubmittedEventByTheRaiser()
    {
        var need = NeedFixture.Raise();

        Assert.Equal(NeedStatus.Submitted, need.Status);
        Assert.Equal(T0, need.SubmittedAt);
        var submitted = Assert.Single(need.Events);
        Assert.Equal(NeedEventKind.Submitted, submitted.Kind);
        Assert.Equal(NeedFixture.Raiser, submitted.ActorId);
        Assert.Null(need.FirstRespondedAt);
        Assert.Null(need.FirstResolvedAt);
    }

    [Fact]
    public void Respond_ThenStart_FirstRespondedAtKeepsTheFirstAnswer()
    {
        var need = NeedFixture.Raise();

        need.Respond(NeedFixture.Staff, "收到，今天安排", T0.AddHours(2));
        need.Start(NeedFixture.Staff, null, T0.AddHours(5));

        Assert.Equal(T0.AddHours(2), need.FirstRespondedAt);
        var responded = need.Events.Single(e => e.Kind == NeedEventKind.Responded);
        Assert.Equal(NeedFixture.Staff, responded.ActorId);
        Assert.Equal("收到，今天安排", responded.Text);
        Assert.Null(need.Events.Single(e => e.Kind == NeedEventKind.Started).Text);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("reject")]
    [InlineData("merge")]
    public void FirstMove_OtherThanRespond_CountsAsTheFirstResponse(string move)
    {
        var need = NeedFixture.Raise();

        NeedFixture.Apply(need, move, T0.AddHours(3));

        Assert.Equal(T0.AddHours(3), need.FirstRespondedAt);
    }

    [Fact]
    public void Resolve_StoresWhatWasDoneAndBothResolutionTimes()
    {
        var need = NeedFixture.InState(NeedStatus.InProgress);

        need.Resolve(NeedFixture.Staff, "已联系物业清运", T0.AddDays(2));

        Assert.Equal(T0.AddDays(2), need.ResolvedAt);
        Assert.Equal(T0.AddDays(2), need.FirstResolvedAt);
        Assert.Equal("已联系物业清运", need.ResolutionText);
        Assert.Null(need.ClosedAt);
    }

    [Fact]
    public void RateDissatisfied_ThenResolveAgain_KeepsFirstResolutionAndCountsTheReopen()
    {
        var need = NeedFixture.InState(NeedStatus.InProgress);
        need.Resolve(NeedFixture.Staff, "已清运", T0.AddDays(1));

        need.Rate(NeedFixture.Raiser, Satisfaction.Dissatisfied, "还是很脏", T0.AddDays(2));

        Assert.Equal(NeedStatus.InProgress, need.Status);
        Assert.Null(need.ResolvedAt);
        Assert.Equal(T0.AddDays(1), need.FirstResolvedAt);
        Assert.Equal(1, need.ReopenCount);
        Assert.Null(need.ClosedAt);
        var rated = need.Events.Single(e => e.Kind == NeedEventKind.Rated);
        Assert.Equal("还是很脏", rated.Text);
        Assert.Equal(NeedFixture.Raiser, need.Events.Single(e => e.Kind == NeedEventKind.Reopened).ActorId);

        need.Resolve(NeedFixture.Staff, "重新清洗了地面", T0.AddDays(3));
        need.Rate(NeedFixture.Raiser, Satisfaction.Satisfied, null, T0.AddDays(4));

        Assert.Equal(NeedStatus.Rated, need.Status);
        Assert.Equal(T0.AddDays(3), need.ResolvedAt);
        Assert.Equal(T0.AddDays(1), need.FirstResolvedAt);
        Assert.Equal(T0.AddDays(4), need.ClosedAt);
        Assert.Equal(1, need.ReopenCount);
        Assert.Equal([(0, Satisfaction.Dissatisfied, "还是很脏"), (1, Satisfaction.Satisfied, (string?)null)],
            need.Ratings.Select(r => (r.Round, r.Satisfaction, r.Comment)));
        Assert.Equal(2, need.Events.Count(e => e.Kind == NeedEventKind.Resolved));
    }

    [Theory]
    [InlineData(Satisfaction.Satisfied)]
    [InlineData(Satisfaction.BasicallySatisfied)]
    public void Rate_SatisfiedOrBasically_ClosesTheNeedAndRecordsTheVerdict(Satisfaction satisfaction)
    {
        var need = NeedFixture.InState(NeedStatus.Resolved);

        need.Rate(NeedFixture.Raiser, satisfaction, "谢谢", T0.AddDays(1));

        Assert.Equal(NeedStatus.Rated, need.Status);
        Assert.Equal(T0.AddDays(1), need.ClosedAt);
        Assert.Equal(0, need.ReopenCount);
        Assert.Equal((NeedEventKind.Rated, "谢谢"), (need.Events[^1].Kind, need.Events[^1].Text));
        var rating = Assert.Single(need.Ratings);
        Assert.Equal((0, NeedFixture.Raiser, satisfaction), (rating.Round, rating.RaterId, rating.Satisfaction));
    }

    [Fact]
    public void Rate_BySomeoneElse_IsRefusedAndNothingRecorded()
    {
        var need = NeedFixture.InState(NeedStatus.Resolved);

        var refusal = Assert.Throws<DomainException>(() => need.Rate(NeedFixture.Staff, Satisfaction.Dissatisfied, null, T0.AddDays(1)));

        Assert.Equal("只有提出诉求的居民才能评价", refusal.MessageKey);
        Assert.Equal(NeedStatus.Resolved, need.Status);
        Assert.Empty(need.Ratings);
        Assert.Equal(0, need.ReopenCount);
    }

    [Fact]
    public void Rate_NeedRecordedForSomeoneWithoutAccount_NobodyCanRateIt()
    {
        var need = Need.Raise(
            new NeedDraft(NeedFixture.Community, "路灯不亮", "三号楼前", "三号楼", null, null, NeedChannel.Hotline, null, NeedFixture.Staff, false),
            NeedFixture.Category, T0);
        need.Respond(NeedFixture.Staff, "收到", T0.AddHours(1));
        need.Resolve(NeedFixture.Staff, "已修好", T0.AddHours(2));

        Assert.Throws<DomainException>(() => need.Rate(NeedFixture.Staff, Satisfaction.Satisfied, null, T0.AddHours(3)));
        Assert.Throws<DomainException>(() => need.Rate(Guid.Empty, Satisfaction.Satisfied, null, T0.AddHours(3)));
        Assert.Equal(NeedStatus.Resolved, need.Status);
        Assert.Equal(NeedFixture.Staff, need.Events[0].ActorId);
    }

    [Fact]
    public void Reject_KeepsTheReasonAndClosesTheNeed()
    {
        var need = NeedFixture.InState(NeedStatus.Responded);

        need.Reject(NeedFixture.Staff, "属于市政道路，已转交城管", T0.AddDays(1));

        Assert.Equal("属于市政道路，已转交城管", need.RejectionReason);
        Assert.Equal(T0.AddDays(1), need.ClosedAt);
        Assert.Equal("属于市政道路，已转交城管", need.Events[^1].Text);
        Assert.False(need.IsOpen);
    }
}
