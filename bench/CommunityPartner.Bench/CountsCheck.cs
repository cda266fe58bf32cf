using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench;

/// <summary>
/// Before measuring, checks on the bench database that the status counts the migration's triggers keep equal a full
/// GROUP BY after the app's own writes (EF SaveChanges of a raise, a move and a delete): a database generated before
/// the migration, or with triggers lost, would otherwise be measured with wrong tabs.
/// </summary>
public static class CountsCheck
{
    public static Task EnsureAsync(IServiceProvider services) => VerifyAsync(services);

    private static async Task VerifyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
        var communityId = await db.Set<Need>().OrderBy(n => n.SubmittedAt).Select(n => n.CommunityId).FirstAsync();
        var staff = Guid.NewGuid();
        var need = Need.Raise(new NeedDraft(communityId, "核对计数", "核对计数", "核对计数", null, null, NeedChannel.Hotline, null, staff, false), category, DateTime.UtcNow);
        db.Add(need);
        await db.SaveChangesAsync();
        need.Respond(staff, "核对", DateTime.UtcNow);
        await db.SaveChangesAsync();
        db.Remove(need);
        await db.SaveChangesAsync();

        var kept = await db.Set<NeedStatusCount>().GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var actual = await db.Set<Need>().GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var same = Enum.GetValues<NeedStatus>().All(s => kept.GetValueOrDefault(s) == actual.GetValueOrDefault(s));
        Console.WriteLine(same ? "Status counts match a full GROUP BY after an EF raise, move and delete." : "STATUS COUNTS DIFFER from a full GROUP BY.");
        if (!same)
        {
            throw new InvalidOperationException("The status-count triggers did not keep the counts.");
        }
    }
}
