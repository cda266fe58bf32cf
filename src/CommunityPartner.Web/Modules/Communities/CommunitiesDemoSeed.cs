using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Communities;

/// <summary>The district, the two communities the seed article names, and seven clearly marked sample communities.</summary>
internal sealed class CommunitiesDemoSeed(AppDbContext db, TimeProvider clock) : IDemoSeed
{
    public const string DistrictCode = "mykjcxq";

    internal static readonly (string Code, string Name, string NameEn, string Description, bool Sample)[] Communities =
    [
        ("shangma", "上马社区", "Shangma Community", "把破旧垃圾房改造成“微更新·智慧绿色驿站”的社区。", false),
        ("yuantong", "元通社区", "Yuantong Community", "在 15 分钟步行圈内开设“自然童行研学基地”的社区。", false),
        ("sample-qingsong", "青松社区（示例）", "Qingsong (sample)", "演示用的示例社区。", true),
        ("sample-hehua", "荷花社区（示例）", "Hehua (sample)", "演示用的示例社区。", true),
        ("sample-taoyuan", "桃源社区（示例）", "Taoyuan (sample)", "演示用的示例社区。", true),
        ("sample-jinxiu", "锦绣社区（示例）", "Jinxiu (sample)", "演示用的示例社区。", true),
        ("sample-anju", "安居社区（示例）", "Anju (sample)", "演示用的示例社区。", true),
        ("sample-xinghe", "星河社区（示例）", "Xinghe (sample)", "演示用的示例社区。", true),
        ("sample-lvyuan", "绿苑社区（示例）", "Lvyuan (sample)", "演示用的示例社区。", true),
    ];

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var district = await db.Set<District>().FirstOrDefaultAsync(d => d.Code == DistrictCode, cancellationToken);
        if (district is null)
        {
            district = District.Create(DistrictCode, "绵阳科技城新区", "Mianyang Science City New District");
            db.Add(district);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<Community>().Select(c => c.Code).ToListAsync(cancellationToken);
        foreach (var c in Communities.Where(c => !existing.Contains(c.Code)))
        {
            db.Add(Community.Create(district.Id, c.Code, c.Name, c.NameEn, c.Description, c.Sample, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
