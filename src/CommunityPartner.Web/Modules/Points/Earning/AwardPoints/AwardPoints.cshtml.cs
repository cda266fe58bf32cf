using CommunityPartner.Web.Modules.Points.Earning.ManageEarnRules;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Earning.AwardPoints;

/// <summary>
/// Staff award points at an activity (by the resident's phone) and set the community's earn rules. The form carries its
/// own idempotency key, so a double tap or a resubmitted page awards once.
/// </summary>
[Authorize(Roles = Roles.CommunityStaff)]
public sealed class AwardPointsModel(AwardPointsHandler award, ManageEarnRulesHandler rules, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<EarnRuleDto> Rules { get; private set; } = [];

    [BindProperty]
    public AwardInput Input { get; set; } = new();

    [BindProperty]
    public RuleInput Rule { get; set; } = new();

    /// <summary>"award" or "rule": which form had errors.</summary>
    public string? ErrorForm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Key = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAwardAsync(CancellationToken ct)
    {
        var result = await award.HandleAsync(new AwardPointsCommand(Input.Phone, Input.ActivityType), Input.Key, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已发放 {0} 积分", result.Value!.Points].Value;
            return Redirect("/admin/points/awards");
        }

        ErrorForm = "award";
        ModelState.AddResult(result, text);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        var result = await rules.SaveAsync(new SaveEarnRuleCommand(Rule.ActivityType, Rule.Name, Rule.Points ?? 0, Rule.DailyCap ?? 0), User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已保存积分规则“{0}”", result.Value!.Name].Value;
            return Redirect("/admin/points/awards");
        }

        ErrorForm = "rule";
        ModelState.AddResult(result, text, "Rule");
        Input.Key = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rules = User.CommunityId() is { } community ? await rules.ListAsync(community, ct) : [];
}

public sealed class AwardInput
{
    public string? Phone { get; set; }

    public string? ActivityType { get; set; }

    public string? Key { get; set; }
}

public sealed class RuleInput
{
    public string? ActivityType { get; set; }

    public string? Name { get; set; }

    public long? Points { get; set; }

    public long? DailyCap { get; set; }
}
