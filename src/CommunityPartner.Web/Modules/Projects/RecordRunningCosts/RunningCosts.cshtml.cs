using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.RecordRunningCosts;

/// <summary>The staff page of an operating project's running costs: record or correct a month, and the months recorded.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RunningCostsModel(RecordRunningCostsHandler handler, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public Project? Project { get; private set; }

    public IReadOnlyList<RunningCostRecord> Records { get; private set; } = [];

    public SustainabilitySums Sums { get; private set; } = SustainabilitySums.None;

    public string ThisMonth => DistrictTime.Month(clock.GetUtcNow().UtcDateTime);

    [BindProperty]
    public RunningCostForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? month, CancellationToken ct)
    {
        var refusal = await LoadAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var shown = Records.FirstOrDefault(r => r.Month == month);
        Input = shown is null
            ? new RunningCostForm { Month = month ?? ThisMonth }
            : new RunningCostForm
            {
                Month = shown.Month,
                CostsYuan = shown.CostsYuan,
                OwnIncomeYuan = shown.OwnIncomeYuan,
                MerchantYuan = shown.MerchantYuan,
                PartnerYuan = shown.PartnerYuan,
                DistrictYuan = shown.DistrictYuan,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ExplainUnreadableAmounts();
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, Input.Month, new RunningCostInput(Input.CostsYuan, Input.OwnIncomeYuan, Input.MerchantYuan, Input.PartnerYuan, Input.DistrictYuan, Input.Reason), User, ct);
            switch (result.Kind)
            {
                case ResultKind.NotFound:
                    return NotFound();
                case ResultKind.Forbidden:
                    return Forbid();
                case ResultKind.Ok:
                    TempData["Flash"] = text[result.Value!.Created ? "已记录 {0} 的运营收支。" : result.Value.Changed ? "已更正 {0} 的运营收支。" : "{0} 的数字没有变化。", result.Value.Record.Month].Value;
                    return Redirect($"/projects/{id}/running-costs");
            }

            ModelState.AddResult(result, text);
        }

        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The amount fields and their labels, as the form shows them.</summary>
    private static readonly (string Key, string Label)[] AmountFields =
    [
        ($"{nameof(Input)}.{nameof(RunningCostForm.CostsYuan)}", "运营成本（元）"),
        ($"{nameof(Input)}.{nameof(RunningCostForm.OwnIncomeYuan)}", "自身经营收入（元）"),
        ($"{nameof(Input)}.{nameof(RunningCostForm.MerchantYuan)}", "商家支持（元）"),
        ($"{nameof(Input)}.{nameof(RunningCostForm.PartnerYuan)}", "合作伙伴支持（元）"),
        ($"{nameof(Input)}.{nameof(RunningCostForm.DistrictYuan)}", "区级财政投入（元）"),
    ];

    /// <summary>
    /// An amount model binding could not read (e.g. "一千" or "12a") gets a message naming the field in the reader's
    /// language instead of ASP.NET's English "The value '…' is not valid for CostsYuan."
    /// </summary>
    private void ExplainUnreadableAmounts()
    {
        foreach (var (key, label) in AmountFields)
        {
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && !string.IsNullOrWhiteSpace(entry.AttemptedValue))
            {
                entry.Errors.Clear();
                ModelState.AddModelError(key, text["{0}要填数字，例如 1200，不能填“{1}”。", text[label], entry.AttemptedValue].Value);
            }
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await handler.ListAsync(id, User, ct);
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (result.Kind == ResultKind.Forbidden)
        {
            return Forbid();
        }

        (Project, Records) = result.Value;
        Sums = RecordRunningCostsEndpoints.Sums(Project, Records);
        return null;
    }
}

public sealed class RunningCostForm
{
    public string? Month { get; set; }

    public decimal? CostsYuan { get; set; }

    public decimal? OwnIncomeYuan { get; set; }

    public decimal? MerchantYuan { get; set; }

    public decimal? PartnerYuan { get; set; }

    public decimal? DistrictYuan { get; set; }

    public string? Reason { get; set; }
}
