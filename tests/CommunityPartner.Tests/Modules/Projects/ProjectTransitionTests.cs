using CommunityPartner.Web.Modules.Projects;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>Every move from every state: the legal ones land where issue 4 says, the others are refused and change nothing.</summary>
public sealed class ProjectTransitionTests
{
    private static readonly Dictionary<(ProjectStatus From, string Move), (ProjectStatus To, ProjectEventKind Event)> Legal = new()
    {
        [(ProjectStatus.Draft, "publish")] = (ProjectStatus.Recruiting, ProjectEventKind.Published),
        [(ProjectStatus.Recruiting, "match")] = (ProjectStatus.Matched, ProjectEventKind.Matched),
        [(ProjectStatus.Recruiting, "start")] = (ProjectStatus.InProgress, ProjectEventKind.Started),
        [(ProjectStatus.Matched, "start")] = (ProjectStatus.InProgress, ProjectEventKind.Started),
        [(ProjectStatus.InProgress, "complete")] = (ProjectStatus.Completed, ProjectEventKind.Completed),
        [(ProjectStatus.Completed, "operate")] = (ProjectStatus.Operating, ProjectEventKind.Operating),
        [(ProjectStatus.Draft, "cancel")] = (ProjectStatus.Cancelled, ProjectEventKind.Cancelled),
        [(ProjectStatus.Recruiting, "cancel")] = (ProjectStatus.Cancelled, ProjectEventKind.Cancelled),
        [(ProjectStatus.Matched, "cancel")] = (ProjectStatus.Cancelled, ProjectEventKind.Cancelled),
        [(ProjectStatus.InProgress, "cancel")] = (ProjectStatus.Cancelled, ProjectEventKind.Cancelled),
    };

    private static readonly Dictionary<string, string> Refusals = new()
    {
        ["publish"] = "只有草稿才能发布",
        ["match"] = "只有招募中的项目才能标记为已对接",
        ["start"] = "只有招募中或已对接的项目才能开始实施",
        ["complete"] = "只有实施中的项目才能完工",
        ["operate"] = "只有已完工的项目才能进入运营",
        ["cancel"] = "项目已经结束，不能取消",
    };

    public static TheoryData<ProjectStatus, string> AllMoves()
    {
        var data = new TheoryData<ProjectStatus, string>();
        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            foreach (var move in ProjectFixture.Moves)
            {
                data.Add(status, move);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllMoves))]
    public void Move_FromEveryState_LegalLandsInSpecStateIllegalIsRefusedUnchanged(ProjectStatus from, string move)
    {
        var project = ProjectFixture.InState(from);
        var version = project.Version;
        var events = project.Events.Count;
        var at = ProjectFixture.Start.AddDays(1);

        if (Legal.TryGetValue((from, move), out var expected))
        {
            ProjectFixture.Apply(project, move, at);

            Assert.Equal(expected.To, project.Status);
            Assert.Equal(version + 1, project.Version);
            var added = Assert.Single(project.Events.Skip(events));
            Assert.Equal((expected.Event, at, ProjectFixture.Staff), (added.Kind, added.At, added.ActorId!.Value));
        }
        else
        {
            AssertRefused(project, Refusals[move], () => ProjectFixture.Apply(project, move, at));
            Assert.Equal(from, project.Status);
            Assert.Equal(version, project.Version);
            Assert.Equal(events, project.Events.Count);
        }
    }

    [Fact]
    public void Publish_WithoutAsks_IsRefusedUnchanged()
    {
        var project = ProjectFixture.Create(withAsks: false);

        AssertRefused(project, "发布前请至少列出一项资源需求", () => project.Publish(ProjectFixture.Staff, ProjectFixture.Start));
    }

    [Theory]
    [InlineData(OperatingModel.Commercial)]
    [InlineData(OperatingModel.DualWheel)]
    public void Publish_CommercialOrDualWheelWithoutUpkeepPlan_IsRefusedUnchanged(OperatingModel model)
    {
        var project = ProjectFixture.Create(model, upkeep: "");

        AssertRefused(project, "商业运营或双轮驱动的项目，发布前请写明长效运营计划", () => project.Publish(ProjectFixture.Staff, ProjectFixture.Start));
    }

    [Fact]
    public void Publish_PublicGoodWithoutUpkeepPlan_IsAllowed()
    {
        var project = ProjectFixture.Create(OperatingModel.PublicGood, upkeep: "");

        project.Publish(ProjectFixture.Staff, ProjectFixture.Start);

        Assert.Equal(ProjectStatus.Recruiting, project.Status);
        Assert.True(project.IsPublic);
        Assert.Equal(ProjectFixture.Start, project.PublishedAt);
    }

    [Fact]
    public void Operate_PublicGoodProject_IsRefusedUnchanged()
    {
        var project = ProjectFixture.InState(ProjectStatus.Completed, OperatingModel.PublicGood);

        AssertRefused(project, "公益建设项目完工即结束，没有运营阶段", () => project.StartOperating(ProjectFixture.Staff, ProjectFixture.Start.AddDays(1)));
        Assert.Equal(ProjectStatus.Completed, project.Status);
    }

    [Fact]
    public void Cancel_DraftThatWasNeverPublished_StaysPrivate()
    {
        var project = ProjectFixture.InState(ProjectStatus.Draft);

        project.Cancel(ProjectFixture.Staff, "不做了", ProjectFixture.Start.AddHours(1));

        Assert.False(project.IsPublic);
        Assert.Equal("不做了", project.CancelReason);
    }

    private static void AssertRefused(Project project, string messageKey, Action move)
    {
        var (status, version, events, published) = (project.Status, project.Version, project.Events.Count, project.PublishedAt);

        var refusal = Assert.Throws<DomainException>(move);

        Assert.Equal(messageKey, refusal.MessageKey);
        Assert.Equal((status, version, events, published), (project.Status, project.Version, project.Events.Count, project.PublishedAt));
    }
}
