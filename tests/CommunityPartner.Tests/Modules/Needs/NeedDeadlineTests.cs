using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs;

/// <summary>民呼我应 deadlines come from the need's category; overdue means still waiting past them.</summary>
public sealed class NeedDeadlineTests
{
    private static readonly DateTime T0 = NeedFixture.Start;

    [Fact]
    public void Raise_CategoryWithOwnDeadlines_SetsRespondByAndResolveByFromIt()
    {
        var urgent = NeedCategory.Create(Guid.NewGuid(), "safety", "安全隐患", "Safety hazards", 6, responseHours: 2, resolutionDays: 3);

        var need = NeedFixture.Raise(category: urgent);

        Assert.Equal(T0.AddHours(2), need.RespondBy);
        Assert.Equal(T0.AddDays(3), need.ResolveBy);
    }

    [Fact]
    public void Raise_DefaultCategory_Has24HoursToRespondAnd15DaysToResolve()
    {
        var need = NeedFixture.Raise(category: NeedCategory.Create(Guid.NewGuid(), "other", "其他", "Other", 8));

        Assert.Equal(T0.AddHours(24), need.RespondBy);
        Assert.Equal(T0.AddDays(15), need.ResolveBy);
    }

    [Fact]
    public void Category_ChangedAfterRaise_DoesNotMoveTheNeedsDeadlines()
    {
        var category = NeedCategory.Create(Guid.NewGuid(), "repairs", "设施维修", "Repairs", 2);
        var need = NeedFixture.Raise(category: category);

        category.Update("设施维修", "Repairs", responseHours: 1, resolutionDays: 1, sortOrder: 2, isActive: true);

        Assert.Equal(T0.AddHours(24), need.RespondBy);
        Assert.Equal(T0.AddDays(15), need.ResolveBy);
    }

    [Fact]
    public void IsResponseOverdue_Unanswered_FalseUntilTheDeadlinePassesThenTrue()
    {
        var need = NeedFixture.Raise();

        Assert.False(need.IsResponseOverdue(need.RespondBy));
        Assert.True(need.IsResponseOverdue(need.RespondBy.AddSeconds(1)));
    }

    [Fact]
    public void IsResponseOverdue_AnsweredLate_NoLongerOverdue()
    {
        var need = NeedFixture.Raise();
        need.Respond(NeedFixture.Staff, "抱歉回复晚了", need.RespondBy.AddHours(5));

        Assert.False(need.IsResponseOverdue(need.RespondBy.AddHours(6)));
        Assert.True(need.FirstRespondedAt > need.RespondBy);
    }

    [Fact]
    public void IsResponseOverdue_RejectedWithoutAnswer_NotOverdue()
    {
        var need = NeedFixture.Raise();
        need.Reject(NeedFixture.Staff, "重复提交", T0.AddHours(1));

        Assert.False(need.IsResponseOverdue(need.RespondBy.AddDays(1)));
    }

    [Fact]
    public void IsResolutionOverdue_OpenPastTheDeadline_TrueAndFalseOnceResolved()
    {
        var need = NeedFixture.InState(NeedStatus.InProgress);

        Assert.False(need.IsResolutionOverdue(need.ResolveBy));
        Assert.True(need.IsResolutionOverdue(need.ResolveBy.AddMinutes(1)));

        need.Resolve(NeedFixture.Staff, "已修好", need.ResolveBy.AddDays(1));

        Assert.False(need.IsResolutionOverdue(need.ResolveBy.AddDays(2)));
    }

    [Fact]
    public void IsResolutionOverdue_ReopenedAfterTheDeadline_IsOverdueAgain()
    {
        var need = NeedFixture.InState(NeedStatus.Resolved);
        var late = need.ResolveBy.AddDays(1);

        need.Rate(NeedFixture.Raiser, Satisfaction.Dissatisfied, null, late);

        Assert.True(need.IsResolutionOverdue(late.AddMinutes(1)));
        Assert.False(need.IsResponseOverdue(late.AddMinutes(1)));
    }
}
