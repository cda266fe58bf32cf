using System.Security.Claims;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.ExportBill;

/// <summary>A bill as a table to download: a published version for anyone, the live (draft) figures for those who see drafts.</summary>
public sealed class ExportBillHandler(BillReader reader, IStringLocalizer<SharedResource> text)
{
    public sealed record BillFile(SheetTable Table, string FileName);

    public async Task<Result<BillFile>> ExportAsync(ClaimsPrincipal user, string? community, string? period, int? version, bool draft, CancellationToken ct)
    {
        if (draft)
        {
            var live = await reader.ReadDraftAsync(user, community, period, ct);
            if (!live.IsOk)
            {
                return live.Failure<BillFile>();
            }

            var sheet = live.Value!;
            return File(sheet.Community?.DisplayName, sheet.Period, FrozenFigures.Of(sheet), text["实时数字（未发布）"], "", sheet.Community?.Code);
        }

        var published = await reader.ReadPublishedAsync(community, period, version, ct);
        if (!published.IsOk)
        {
            return published.Failure<BillFile>();
        }

        var bill = published.Value!;
        if (bill.Shown is not { } shown)
        {
            return Result<BillFile>.NotFound("这一期账单尚未发布");
        }

        return File(bill.Community?.DisplayName, bill.Period, shown.Figures, text["第 {0} 版", shown.Number], shown.ContentHash, bill.Community?.Code);
    }

    private BillFile File(string? communityName, BillPeriod period, FrozenFigures figures, string versionText, string hash, string? code)
    {
        var name = communityName ?? text["全区"];
        var periodText = text[BillText.PeriodKey(period), period.Year, period.Number].Value;
        var rows = new List<object?[]>
        {
            new object?[] { text["所属社区"].Value, name, "" },
            new object?[] { text["账期"].Value, periodText, period.Code },
            new object?[] { text["版本"].Value, versionText, hash },
        };
        rows.AddRange(Enum.GetValues<BillFigure>().Select(f => new object?[] { text[BillText.LabelKey(f)].Value, figures[f], text[BillText.HelpKey(f)].Value }));
        var rates = new[] { figures.ResponseRate, figures.ResolutionRate, figures.SatisfactionRate };
        for (var i = 0; i < BillText.Rates.Count; i++)
        {
            var (key, part, whole, help) = BillText.Rates[i];
            rows.Add([text[key].Value + " (%)", rates[i], $"{figures[part]}/{figures[whole]} · {text[help].Value}"]);
        }

        rows.Add([text["回应用时中位数（小时）"].Value, figures.MedianResponseHours, ""]);
        rows.Add([text["解决用时中位数（小时）"].Value, figures.MedianResolutionHours, ""]);
        var table = new SheetTable([text["指标"], text["数值"], text["说明"]], rows);
        return new BillFile(table, $"{text["幸福账单"].Value}-{code ?? BillVersion.DistrictScope}-{period.Code}");
    }
}
