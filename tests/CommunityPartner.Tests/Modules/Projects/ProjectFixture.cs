using CommunityPartner.Web.Modules.Projects;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>Projects built in memory through the entity's own methods, for tests that need no database.</summary>
internal static class ProjectFixture
{
    public static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
    public static readonly Guid Community = Guid.NewGuid();
    public static readonly Guid Category = Guid.NewGuid();
    public static readonly Guid Staff = Guid.NewGuid();

    /// <summary>Every move the entity knows, as the tests name them.</summary>
    public static readonly string[] Moves = ["publish", "match", "start", "complete", "operate", "cancel"];

    public static ProjectDraft Draft(OperatingModel model = OperatingModel.Commercial, string upkeep = "由社区运营方负责日常维护") =>
        new(Community, Category, "垃圾房改造", "把旧垃圾房改成绿色驿站", "说明", "上马社区 3 栋", null, null, model, upkeep, 50_000);

    public static ResourceNeedDraft[] Asks() => [new(null, ResourceKind.Funding, "改造资金", null, 30_000, true)];

    public static Project Create(OperatingModel model = OperatingModel.Commercial, string upkeep = "由社区运营方负责日常维护", bool withAsks = true) =>
        Project.Create(Draft(model, upkeep), withAsks ? Asks() : [], Staff, Start);

    /// <summary>A project brought to <paramref name="status"/> the way it happens in life, one hour per step.</summary>
    public static Project InState(ProjectStatus status, OperatingModel model = OperatingModel.Commercial)
    {
        var project = Create(model);
        var t = Start;
        void Step(Action<DateTime> move) => move(t = t.AddHours(1));
        switch (status)
        {
            case ProjectStatus.Draft:
                break;
            case ProjectStatus.Recruiting:
                Step(at => project.Publish(Staff, at));
                break;
            case ProjectStatus.Matched:
                Step(at => project.Publish(Staff, at));
                Step(at => project.MarkMatched(Staff, at));
                break;
            case ProjectStatus.InProgress:
                Step(at => project.Publish(Staff, at));
                Step(at => project.Start(Staff, at));
                break;
            case ProjectStatus.Completed:
                Step(at => project.Publish(Staff, at));
                Step(at => project.Start(Staff, at));
                Step(at => project.Complete(Staff, "已建成", at));
                break;
            case ProjectStatus.Operating:
                Step(at => project.Publish(Staff, at));
                Step(at => project.Start(Staff, at));
                Step(at => project.Complete(Staff, "已建成", at));
                Step(at => project.StartOperating(Staff, at));
                break;
            case ProjectStatus.Cancelled:
                Step(at => project.Publish(Staff, at));
                Step(at => project.Cancel(Staff, "资金没有落实", at));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }

        Assert.Equal(status, project.Status);
        return project;
    }

    public static void Apply(Project project, string move, DateTime at)
    {
        switch (move)
        {
            case "publish": project.Publish(Staff, at); break;
            case "match": project.MarkMatched(Staff, at); break;
            case "start": project.Start(Staff, at); break;
            case "complete": project.Complete(Staff, "已建成", at); break;
            case "operate": project.StartOperating(Staff, at); break;
            case "cancel": project.Cancel(Staff, "资金没有落实", at); break;
            default: throw new ArgumentOutOfRangeException(nameof(move));
        }
    }
}
