using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Tests.Modules.Needs;

/// <summary>A need merges only into another open need of the same community; both timelines say so.</summary>
public sealed class NeedMergeRulesTests
{
    private static readonly DateTime At = NeedFixture.Start.AddHours(4);

    [Fact]
    public void MergeInto_OpenNeedOfSameCommunity_ClosesSourceAndNotesItOnTarget()
    {
        var source = NeedFixture.Raise(title: "东门垃圾房满溢");
        var target = NeedFixture.Raise(title: "垃圾房没人清运");
        var targetVersion = target.Version;

        source.MergeInto(target, NeedFixture.Staff, At);

        Assert.Equal(NeedStatus.Merged, source.Status);
        Assert.Equal(target.Id, source.MergedIntoId);
        Assert.Equal(At, source.ClosedAt);
        Assert.Equal((NeedEventKind.Merged, "垃圾房没人清运"), (source.Events[^1].Kind, source.Events[^1].Text));
        Assert.Equal(NeedStatus.Submitted, target.Status);
        Assert.Equal((NeedEventKind.MergedFrom, "东门垃圾房满溢"), (target.Events[^1].Kind, target.Events[^1].Text));
        // The target changed too, so a parallel answer to it must see a conflict.
        Assert.Equal(targetVersion + 1, target.Version);
    }

    [Fact]
    public void MergeInto_NeedOfAnotherCommunity_IsRefused()
    {
        var source = NeedFixture.Raise();
        var target = NeedFixture.Raise(community: Guid.NewGuid());

        AssertRefused(source, target, "只能合并到同一社区的诉求");
    }

    [Fact]
    public void MergeInto_Itself_IsRefused()
    {
        var need = NeedFixture.Raise();

        AssertRefused(need, need, "不能把诉求合并到它自己");
    }

    [Theory]
    [InlineData(NeedStatus.Resolved)]
    [InlineData(NeedStatus.Rated)]
    [InlineData(NeedStatus.Rejected)]
    [InlineData(NeedStatus.Merged)]
    public void MergeInto_ClosedTarget_IsRefused(NeedStatus targetStatus)
    {
        var source = NeedFixture.Raise();
        var target = NeedFixture.InState(targetStatus);

        AssertRefused(source, target, "只能合并到仍在办理中的诉求");
    }

    private static void AssertRefused(Need source, Need target, string message)
    {
        var targetEvents = target.Events.Count;
        var targetVersion = target.Version;

        var refusal = Assert.Throws<DomainException>(() => source.MergeInto(target, NeedFixture.Staff, At));

        Assert.Equal(message, refusal.MessageKey);
        Assert.Equal(NeedStatus.Submitted, source.Status);
        Assert.Null(source.MergedIntoId);
        Assert.Null(source.FirstRespondedAt);
        Assert.Equal(targetEvents, target.Events.Count);
        Assert.Equal(targetVersion, target.Version);
    }
}
