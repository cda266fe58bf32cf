using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Points.Contracts;
using CommunityPartner.Web.Modules.Roadshows.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.PersonalBill;

/// <summary>
/// 我的幸福账单: what one resident did in a year (Beijing time) — the needs they raised and what became of them, the
/// needs they supported, the roadshows they attended and the projects they scored, the points they earned and spent.
/// Only ever their own: it is read for the signed-in user and carries no one else's data, and their name masked.
/// </summary>
public sealed record PersonalBillView(
    int Year,
    string MaskedName,
    IReadOnlyList<NeedBrief> Raised,
    int Supported,
    RoadshowParticipation Roadshows,
    PointsSummary Points)
{
    public int Resolved => Raised.Count(n => n.StatusCode is "resolved" or "rated");

    public int Open => Raised.Count(n => n.IsOpen);

    public int Rejected => Raised.Count(n => n.StatusCode == "rejected");

    public int Merged => Raised.Count(n => n.StatusCode == "merged");
}

public sealed class PersonalBillReader(INeedFacts needs, IRoadshowParticipation roadshows, IPointsStatement points, TimeProvider clock)
{
    public async Task<Result<PersonalBillView>> ReadAsync(ClaimsPrincipal user, int? year, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return Result<PersonalBillView>.Forbidden("请先登录");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var thisYear = DistrictTime.OffsetOf(now).Year;
        var shown = year ?? thisYear;
        if (shown < BillPeriod.FirstYear || shown > thisYear)
        {
            var errors = new ValidationErrors();
            errors.Add("year", "年份应在 2000 年到今年之间");
            return errors;
        }

        var period = new BillPeriod(BillPeriodKind.Year, shown, 0);
        var (raised, supported) = await needs.OfPersonAsync(userId, period.StartUtc, period.EndUtc, ct);
        return new PersonalBillView(
            shown,
            PersonalData.MaskName(user.DisplayNameOf()),
            raised,
            supported,
            await roadshows.OfPersonAsync(userId, period.StartUtc, period.EndUtc, now, ct),
            await points.OfPersonAsync(userId, period.StartUtc, period.EndUtc, ct));
    }

    /// <summary>The bill as a shareable SVG card (600 × 800): the numbers only, with the masked name.</summary>
    public static string Card(PersonalBillView bill, IStringLocalizer text)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        var title = text["我的幸福账单 · {0}年", bill.Year].Value;
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 800\" width=\"600\" height=\"800\" role=\"img\" aria-labelledby=\"card-t card-d\" font-family=\"'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif\">");
        svg.Append(inv, $"<title id=\"card-t\">{E(title)}</title>");
        svg.Append(inv, $"<desc id=\"card-d\">{E(text["提出诉求 {0} 条，已解决 {1} 条；附议 {2} 次；参加路演 {3} 场，为 {4} 个项目打分；获得积分 {5}，使用积分 {6}。", bill.Raised.Count, bill.Resolved, bill.Supported, bill.Roadshows.Attended, bill.Roadshows.ProjectsScored, bill.Points.Earned, bill.Points.Spent].Value)}</desc>");
        svg.Append("<rect width=\"600\" height=\"800\" rx=\"24\" fill=\"#fffaf3\"/><rect width=\"600\" height=\"150\" rx=\"24\" fill=\"#a61b1b\"/><rect y=\"120\" width=\"600\" height=\"30\" fill=\"#a61b1b\"/>");
        svg.Append(inv, $"<text x=\"40\" y=\"78\" font-size=\"40\" font-weight=\"700\" fill=\"#ffffff\">{E(title)}</text>");
        svg.Append(inv, $"<text x=\"40\" y=\"120\" font-size=\"24\" fill=\"#ffffff\">{E(bill.MaskedName)}</text>");
        var rows = new (string Label, string Value, string Detail)[]
        {
            (text["提出诉求"], bill.Raised.Count.ToString(inv), text["已解决 {0} · 办理中 {1} · 不予受理 {2}", bill.Resolved, bill.Open, bill.Rejected]),
            (text["附议诉求"], bill.Supported.ToString(inv), text["为邻居的诉求点了附议"]),
            (text["参加路演"], bill.Roadshows.Attended.ToString(inv), text["为 {0} 个项目打分", bill.Roadshows.ProjectsScored] + (bill.Roadshows.AverageScore is { } a ? text["，平均 {0} 分", a.ToString("0.0", inv)] : "")),
            (text["获得积分"], bill.Points.Earned.ToString(inv), text["使用积分 {0}", bill.Points.Spent]),
        };
        var y = 230;
        foreach (var (label, value, detail) in rows)
        {
            svg.Append(inv, $"<text x=\"40\" y=\"{y}\" font-size=\"26\" fill=\"#54504b\">{E(label)}</text>");
            svg.Append(inv, $"<text x=\"560\" y=\"{y + 8}\" font-size=\"56\" font-weight=\"700\" text-anchor=\"end\" fill=\"#a61b1b\">{E(value)}</text>");
            svg.Append(inv, $"<text x=\"40\" y=\"{y + 40}\" font-size=\"22\" fill=\"#1f1b16\">{E(detail)}</text>");
            svg.Append(inv, $"<line x1=\"40\" y1=\"{y + 70}\" x2=\"560\" y2=\"{y + 70}\" stroke=\"#d9d4cc\"/>");
            y += 125;
        }

        svg.Append(inv, $"<text x=\"300\" y=\"760\" font-size=\"22\" text-anchor=\"middle\" fill=\"#54504b\">{E(text["社区合伙人 · 共建幸福社区"])}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
