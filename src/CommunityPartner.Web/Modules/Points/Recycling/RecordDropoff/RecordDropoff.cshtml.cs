using System.Globalization;
using CommunityPartner.Web.Modules.Points.Recycling.ManageStations;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Recycling.RecordDropoff;

/// <summary>The station counter (驿站投放登记): the operator records a drop-off by phone, category and weight in kilograms.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RecordDropoffModel(AppDbContext db, ManageStationsHandler stations, RecordDropoffHandler record, IStringLocalizer<SharedResource> text) : PageModel
{
    public StationDto? Station { get; private set; }

    public IReadOnlyList<Dropoff> Recent { get; private set; } = [];

    [BindProperty]
    public DropoffInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Key = Guid.NewGuid().ToString("N");
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        var grams = decimal.TryParse(Input.WeightKg, NumberStyles.Number, CultureInfo.InvariantCulture, out var kg) ? (int)Math.Clamp(Math.Round(kg * 1000), -1, int.MaxValue) : 0;
        var result = await record.HandleAsync(Station!.Id, new RecordDropoffCommand(Input.Phone, Input.Category, grams), Input.Key, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已登记，居民获得 {0} 积分", result.Value!.Points].Value;
            return Redirect("/station/dropoffs");
        }

        ModelState.AddResult(result, text, field: f => f == "weightGrams" ? "weightKg" : f);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        var stationId = await db.Set<StationOperator>().Where(o => o.UserId == userId).Select(o => (Guid?)o.StationId).FirstOrDefaultAsync(ct);
        Station = stationId is { } id ? await stations.FindAsync(id, ct) : null;
        if (Station is null)
        {
            return false;
        }

        Recent = await db.Set<Dropoff>().AsNoTracking().Where(d => d.StationId == Station.Id).OrderByDescending(d => d.At).Take(20).ToListAsync(ct);
        return true;
    }
}

public sealed class DropoffInput
{
    public string? Phone { get; set; }

    public string? Category { get; set; }

    public string? WeightKg { get; set; }

    public string? Key { get; set; }
}
