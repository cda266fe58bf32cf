using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.CreateRoadshow;

public sealed record ProjectOption(Guid Id, string Title, string CommunityName);

/// <summary>
/// The organiser's form, shared by the new and edit pages. Times are typed in local time (datetime-local) and stored in
/// UTC; the line-up is a pitching position per pitchable project (blank = not pitched).
/// </summary>
public abstract class RoadshowFormPage(IProjectCatalog projects, ICommunityDirectory communities, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";

    [BindProperty]
    public RoadshowInput Input { get; set; } = new();

    public IReadOnlyList<ProjectOption> Projects { get; private set; } = [];

    public abstract string Heading { get; }

    protected IStringLocalizer<SharedResource> Text => text;

    public static string Local(DateTime utc) => DistrictTime.Format(utc, TimeFormat);

    /// <summary>The command, or null with field errors on the page when a time cannot be read.</summary>
    protected RoadshowCommand? ToCommand()
    {
        var starts = Time(Input.StartsAt, "StartsAt");
        var opens = Time(Input.ScoringOpensAt, "ScoringOpensAt");
        var closes = Time(Input.ScoringClosesAt, "ScoringClosesAt");
        if (!ModelState.IsValid)
        {
            return null;
        }

        var lineup = Input.Positions.Where(p => p.Value is not null).OrderBy(p => p.Value).Select(p => p.Key).ToList();
        return new RoadshowCommand(Input.Title, Input.Description, Input.Venue, starts, Input.Capacity, opens, closes, lineup);
    }

    protected async Task<IActionResult> AfterAsync(Result<Roadshow> result, string success, CancellationToken ct)
    {
        if (result.Kind == ResultKind.Forbidden)
        {
            return Forbid();
        }

        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            TempData["Flash"] = success;
            return Redirect($"/roadshows/{result.Value!.Id}");
        }

        ModelState.AddResult(result, text);
        await LoadProjectsAsync(ct);
        return Page();
    }

    protected async Task LoadProjectsAsync(CancellationToken ct)
    {
        var names = (await communities.ListAsync(ct)).ToDictionary(c => c.Id, c => c.DisplayName);
        var list = await projects.ListPitchableAsync(RoadshowPeople.OrganiserCommunityOf(User), ct);
        Projects = [.. list.OrderBy(p => names.GetValueOrDefault(p.CommunityId, ""), StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal)
            .Select(p => new ProjectOption(p.Id, p.Title, names.GetValueOrDefault(p.CommunityId, "")))];
    }

    private DateTime? Time(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DistrictTime.TryParseTyped(value, out var utc))
        {
            return utc;
        }

        ModelState.AddModelError($"Input.{field}", text["时间格式不正确，例如 2025-06-06 14:00"]);
        return null;
    }
}

public sealed class RoadshowInput
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Venue { get; set; }

    public string? StartsAt { get; set; }

    public int? Capacity { get; set; }

    public string? ScoringOpensAt { get; set; }

    public string? ScoringClosesAt { get; set; }

    /// <summary>Pitching position per project id; blank means the project is not pitched.</summary>
    public Dictionary<Guid, int?> Positions { get; set; } = [];
}
