using CommunityPartner.Web.Modules.Cooperation.Recommend;
using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>The matching scorer on a fixed data set: expected order, scores and reasons; ties stable.</summary>
public sealed class MatchScorerTests
{
    private static readonly Guid Shangma = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Yuantong = new("00000000-0000-0000-0000-0000000000a2");

    private static readonly FitProject Station = new(new Guid("00000000-0000-0000-0000-0000000000b1"), "智慧绿色驿站", Shangma,
    [
        new ProjectAsk(new Guid("00000000-0000-0000-0000-0000000000c1"), "funding", "资金", "驿站改造资金", null, 200_000, IsKey: true),
        new ProjectAsk(new Guid("00000000-0000-0000-0000-0000000000c2"), "service", "技术服务", "智能回收设备的安装调试", 120, 36_000, IsKey: true),
        new ProjectAsk(new Guid("00000000-0000-0000-0000-0000000000c3"), "resource", "组织资源", "志愿者驿站值守 200 人次", null, 10_000, IsKey: false),
    ]);

    private static readonly FitProject Base = new(new Guid("00000000-0000-0000-0000-0000000000b2"), "自然研学基地", Yuantong,
    [
        new ProjectAsk(new Guid("00000000-0000-0000-0000-0000000000c4"), "resource", "组织资源", "研学场地", null, 12_000, IsKey: true),
        new ProjectAsk(new Guid("00000000-0000-0000-0000-0000000000c5"), "service", "技术服务", "自然教育课程设计", 40, 8_000, IsKey: true),
    ]);

    // Tech firm: IT + recycling, serves 上马, delivered 3 of 3 lines, verified.
    private static readonly FitPartner Tech = new(Id(1), "绵阳智联科技", true, ["it", "recycling"], [Shangma], 3, 3);

    // Donor: funding only, serves 上马, no record yet, verified.
    private static readonly FitPartner Donor = new(Id(2), "爱心人士张先生", true, ["funding"], [Shangma], 0, 0);

    // Volunteers: serves 元通 only, delivered 1 of 2, not verified.
    private static readonly FitPartner Volunteers = new(Id(3), "青年志愿者协会", false, ["volunteers", "education"], [Yuantong], 2, 1);

    // Lawyer: nothing the station asks for, serves nobody there: not listed.
    private static readonly FitPartner Lawyer = new(Id(4), "律师事务所", true, ["legal"], [Yuantong], 0, 0);

    [Fact]
    public void Score_TechFirmForTheStation_AddsEveryWeightWithItsReason()
    {
        var fit = MatchScorer.Score(Tech, Station);

        // one key ask (20 + 10) + serves 上马 (25) + record 3/3 (20) + verified (15)
        Assert.Equal(90, fit.Score);
        Assert.Equal(["strengths", "asks", "serves_community", "record", "verified"], fit.Reasons.Select(r => r.Code));
        Assert.Equal(["it", "recycling"], fit.Reasons[0].Args);
        Assert.Equal(["智能回收设备的安装调试"], fit.Reasons[1].Args);
        Assert.Equal([Shangma.ToString()], fit.Reasons[2].Args);
        Assert.Equal(["3", "3"], fit.Reasons[3].Args);
        Assert.Equal([Station.Asks[1].Id], fit.AskIds);
    }

    [Fact]
    public void RankPartners_FixedSet_GivesTheExpectedOrderAndLeavesOutNonFits()
    {
        var ranked = MatchScorer.RankPartners(Station, [Lawyer, Volunteers, Donor, Tech]);

        Assert.Equal([("绵阳智联科技", 90), ("爱心人士张先生", 70), ("青年志愿者协会", 30)], ranked.Select(r => (r.Partner.Name, r.Fit.Score)));
        // Volunteers: non-key ask (20), record 1/2 (10), not verified (0), 元通 not served.
        Assert.Equal(["strengths", "asks", "record", "not_verified"], ranked[2].Fit.Reasons.Select(r => r.Code));
        Assert.Equal(["1", "2"], ranked[2].Fit.Reasons[2].Args);
    }

    [Fact]
    public void RankProjects_ForThePartner_BestFirst()
    {
        var ranked = MatchScorer.RankProjects(Volunteers, [Station, Base]);

        // Base: two key asks (60) + serves 元通 (25) + record 10 = 95; Station: 30.
        Assert.Equal([("自然研学基地", 95), ("智慧绿色驿站", 30)], ranked.Select(r => (r.Project.Title, r.Fit.Score)));
    }

    [Fact]
    public void RankPartners_EqualScores_TieByNameThenId()
    {
        var a = Donor with { Id = Id(9), Name = "合伙人B" };
        var b = Donor with { Id = Id(8), Name = "合伙人A" };
        var c = Donor with { Id = Id(7), Name = "合伙人A" };

        var ranked = MatchScorer.RankPartners(Station, [a, b, c]);

        Assert.Equal([Id(7), Id(8), Id(9)], ranked.Select(r => r.Partner.Id));
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
