using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <summary>One line as a form or JSON body sends it. Kind: money, service or resource; NeedId: one of the project's asks, or empty for "other".</summary>
public sealed record OfferLineInput(string? Kind, string? What, int? Hours, long? Yuan, Guid? NeedId);

/// <summary>Checks offer lines against the project's own asks; shared by offers, amendments and intent versions.</summary>
public static class OfferLines
{
    /// <summary>兑现期限: null means not given (the caller keeps the default); otherwise not before today, at most 3 years ahead.</summary>
    public static DateOnly? ValidateDueOn(DateOnly? dueOn, DateTime now, ValidationErrors errors)
    {
        if (dueOn is not { } due)
        {
            return null;
        }

        var today = Offer.Today(now);
        if (due < today)
        {
            errors.Add("dueOn", "兑现期限不能早于今天");
            return null;
        }

        if (due > today.AddYears(Offer.MaxDueYears))
        {
            errors.Add("dueOn", "兑现期限最多定在 {0} 年之内", Offer.MaxDueYears);
            return null;
        }

        return due;
    }

    /// <param name="lines">Blank form rows (no kind, nothing filled) are skipped.</param>
    public static IReadOnlyList<OfferLineDraft> Validate(IReadOnlyList<OfferLineInput>? lines, ProjectWithAsks project, ValidationErrors errors)
    {
        var drafts = new List<OfferLineDraft>();
        var given = (lines ?? []).Select((l, i) => (Line: l, Index: i))
            .Where(x => x.Line is not null && !(string.IsNullOrWhiteSpace(x.Line.Kind) && string.IsNullOrWhiteSpace(x.Line.What) && x.Line.Yuan is null && x.Line.Hours is null))
            .ToList();
        if (given.Count == 0)
        {
            errors.Add("lines", "请至少填写一项出力内容");
            return drafts;
        }

        if (given.Count > Offer.MaxLines)
        {
            errors.Add("lines", "出力内容最多 {0} 项", Offer.MaxLines);
            return drafts;
        }

        foreach (var (line, i) in given)
        {
            var at = $"lines[{i}]";
            var kind = CooperationText.ParseKind(line.Kind?.Trim());
            if (kind is null)
            {
                errors.Add($"{at}.kind", "请选择出力方式：资金、技术服务或组织资源");
                continue;
            }

            var what = line.What?.Trim() ?? "";
            var yuan = line.Yuan ?? 0;
            var ok = true;
            if (kind != OfferLineKind.Money && what.Length == 0)
            {
                errors.Add($"{at}.what", "请写明提供什么");
                ok = false;
            }
            else if (what.Length > OfferLineDraft.WhatMax)
            {
                errors.Add($"{at}.what", "内容不能超过 {0} 个字", OfferLineDraft.WhatMax);
                ok = false;
            }

            if (kind == OfferLineKind.Money ? yuan <= 0 : yuan < 0)
            {
                errors.Add($"{at}.yuan", kind == OfferLineKind.Money ? "资金须为大于 0 的整数元" : "估算价值不能为负数");
                ok = false;
            }
            else if (yuan > OfferLineDraft.MaxYuan)
            {
                errors.Add($"{at}.yuan", "金额不能超过 {0} 元", OfferLineDraft.MaxYuan);
                ok = false;
            }

            int? hours = null;
            if (kind == OfferLineKind.Service)
            {
                if (line.Hours is not { } h || h <= 0 || h > OfferLineDraft.MaxHours)
                {
                    errors.Add($"{at}.hours", "服务时长须为 1 到 {0} 小时", OfferLineDraft.MaxHours);
                    ok = false;
                }
                else
                {
                    hours = h;
                }
            }

            if (line.NeedId is { } needId && project.Asks.All(a => a.Id != needId))
            {
                errors.Add($"{at}.needId", "这项需求不属于这个项目");
                ok = false;
            }

            if (ok)
            {
                drafts.Add(new OfferLineDraft(kind.Value, kind == OfferLineKind.Money ? "" : what, hours, yuan, line.NeedId));
            }
        }

        return drafts;
    }
}
