using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Modules.Roadshows.CreateRoadshow;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.EditRoadshow;

[Authorize(Policy = Policies.Staff)]
public sealed class EditRoadshowModel(
    RoadshowEditor editor, AppDbContext db, IProjectCatalog projects, ICommunityDirectory communities, IStringLocalizer<SharedResource> text)
    : RoadshowFormPage(projects, communities, text)
{
    public override string Heading => "修改路演";

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var roadshow = await db.Set<Roadshow>().AsNoTracking().Include(r => r.Lineup).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return NotFound();
        }

        if (!RoadshowPeople.CanManage(User, roadshow.OrganiserCommunityId))
        {
            return Forbid();
        }

        Id = id;
        Input = new RoadshowInput
        {
            Title = roadshow.Title,
            Description = roadshow.Description,
            Venue = roadshow.Venue,
            StartsAt = Local(roadshow.StartsAt),
            Capacity = roadshow.Capacity,
            ScoringOpensAt = Local(roadshow.ScoringOpensAt),
            ScoringClosesAt = Local(roadshow.ScoringClosesAt),
            Positions = roadshow.Lineup.ToDictionary(s => s.ProjectId, s => (int?)s.Position),
        };
        await LoadProjectsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var command = ToCommand();
        if (command is null)
        {
            await LoadProjectsAsync(ct);
            return Page();
        }

        return await AfterAsync(await editor.EditAsync(id, command, User, ct), Text["路演已更新"], ct);
    }
}
