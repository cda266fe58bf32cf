using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <summary>One line row on an offer or intent form. Blank rows are skipped.</summary>
public sealed class LineForm
{
    public string? Kind { get; set; }

    public string? What { get; set; }

    public int? Hours { get; set; }

    public long? Yuan { get; set; }

    public Guid? NeedId { get; set; }

    public static List<LineForm> From(IEnumerable<OfferLineDraft> lines, int blanks) =>
        [.. lines.Select(l => new LineForm { Kind = CooperationText.KindCode(l.Kind), What = l.What, Hours = l.Hours, Yuan = l.Yuan, NeedId = l.NeedId }),
            .. Enumerable.Range(0, blanks).Select(_ => new LineForm())];

    public OfferLineInput ToInput() => new(Kind, What, Hours, Yuan, NeedId);
}

/// <summary>A page that edits lines with the shared _Lines partial: the rows, and the project's asks they may point at.</summary>
public interface ILinesPage
{
    List<LineForm> Lines { get; }

    IReadOnlyList<ProjectAsk> Asks { get; }

    IStringLocalizer<SharedResource> Text { get; }
}

public static class LinesPage
{
    /// <summary>"lines[0].yuan" from a handler → "Lines[0].Yuan", the page's field name.</summary>
    public static string Field(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    public static IEnumerable<SelectListItem> KindOptions(IStringLocalizer<SharedResource> text) =>
        [new(text["请选择"], ""), .. Enum.GetValues<OfferLineKind>().Select(k => new SelectListItem(text[CooperationText.KindKey(k)], CooperationText.KindCode(k)))];

    public static IEnumerable<SelectListItem> AskOptions(IReadOnlyList<ProjectAsk> asks, IStringLocalizer<SharedResource> text) =>
        [new(text["其他（不对应具体需求）"], ""), .. asks.Select(a => new SelectListItem($"{text[a.KindKey]}{text["："]}{a.Title}", a.Id.ToString()))];
}
