using System.Globalization;

namespace CommunityPartner.Web.Modules.Cooperation;

public enum OfferLineKind
{
    /// <summary>资金, whole yuan.</summary>
    Money = 0,

    /// <summary>技术服务: what, hours, an estimated value.</summary>
    Service = 1,

    /// <summary>组织资源: what, an estimated value.</summary>
    Resource = 2,
}

/// <summary>One line of an offer or an intent version, already validated.</summary>
public sealed record OfferLineDraft(OfferLineKind Kind, string What, int? Hours, long Yuan, Guid? NeedId)
{
    public const int WhatMax = 100;
    public const int MaxHours = 100_000;

    /// <summary>One hundred million yuan, like the project's own ceiling: a larger figure is a typing error.</summary>
    public const long MaxYuan = 100_000_000;

    /// <summary>A short, stored summary of lines for the thread and the audit log ("资金 5000 元；安装调试 40 小时（约 8000 元）").</summary>
    public static string Summary(IEnumerable<OfferLineDraft> lines)
    {
        var parts = lines.Select(l => l.Kind switch
        {
            OfferLineKind.Money => string.Format(CultureInfo.InvariantCulture, "资金 {0} 元", l.Yuan),
            OfferLineKind.Service => string.Format(CultureInfo.InvariantCulture, "{0} {1} 小时（约 {2} 元）", l.What, l.Hours, l.Yuan),
            _ => string.Format(CultureInfo.InvariantCulture, "{0}（约 {1} 元）", l.What, l.Yuan),
        }).ToList();
        return parts.Count == 0 ? "（无）" : string.Join("；", parts);
    }
}

public static class CooperationText
{
    public static string KindCode(OfferLineKind kind) => kind.ToString().ToLowerInvariant();

    public static OfferLineKind? ParseKind(string? code) =>
        Enum.GetValues<OfferLineKind>().Cast<OfferLineKind?>().FirstOrDefault(k => KindCode(k!.Value) == code);

    public static string KindKey(OfferLineKind kind) => kind switch
    {
        OfferLineKind.Money => "资金",
        OfferLineKind.Service => "技术服务",
        _ => "组织资源",
    };

    public static string StatusCode(OfferStatus status) => status == OfferStatus.IntentSigned ? "signed" : status.ToString().ToLowerInvariant();

    public static string StatusKey(OfferStatus status) => status switch
    {
        OfferStatus.Draft => "草稿",
        OfferStatus.Negotiating => "协商中",
        OfferStatus.Accepted => "已接受",
        OfferStatus.Declined => "已婉拒",
        OfferStatus.Withdrawn => "已撤回",
        _ => "已签署",
    };

    public static string SideCode(OfferSide side) => side.ToString().ToLowerInvariant();
}
