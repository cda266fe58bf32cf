using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.ExportNeeds;

public sealed record NeedExportQuery(string? Community, string? Status, string? Category, string? Q, bool Personal);

/// <summary>
/// The problem list (台账) as a table, with the list's filters. The public export shows what the public pages show
/// (the raiser's name only if they chose to show it, masked otherwise); the staff export of one community adds the
/// raiser's name and phone, for that community's staff and the district admin only, and each one is logged as a read
/// of personal data.
/// </summary>
public sealed class ExportNeedsHandler(
    AppDbContext db, NeedSearch search, ICommunityDirectory communities, AuditLog audit, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public const int MaxRows = 10_000;

    public sealed record NeedsFile(SheetTable Table, string FileName);

    public async Task<Result<NeedsFile>> ExportAsync(ClaimsPrincipal user, NeedExportQuery query, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var filter = await NeedFilter.ResolveAsync(query.Community, query.Status, query.Category, communities, db, errors, ct);
        if (query.Personal && filter.CommunityId is null && errors.IsValid)
        {
            errors.Add("community", "导出含个人信息的台账须指定社区");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        if (query.Personal && !NeedPeople.CanAnswer(user, filter.CommunityId!.Value))
        {
            return Result<NeedsFile>.Forbidden("只有本社区工作人员和区管理员可以导出含个人信息的台账");
        }

        var needs = await search.Filter(filter.CommunityId, filter.Status, filter.CategoryId, query.Q)
            .OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id)
            .Take(MaxRows + 1)
            .ToListAsync(ct);
        if (needs.Count > MaxRows)
        {
            errors.Add("community", "一次最多导出 {0} 条，请缩小筛选范围", MaxRows);
            return errors;
        }

        var raiserIds = needs.Where(n => n.RaiserId != null).Select(n => n.RaiserId!.Value).Distinct().ToList();
        var raisers = await db.Users.AsNoTracking().Where(u => raiserIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.PhoneNumber }).ToDictionaryAsync(u => u.Id, ct);
        var (communityNames, categoryNames) = await NeedFilter.NamesAsync(communities, db, ct);

        string Public(Need n) => n.RaiserId is { } id && raisers.TryGetValue(id, out var r)
            ? (n.ShowRaiserName ? r.DisplayName : PersonalData.MaskName(r.DisplayName))
            : text["居民"];

        var headers = new List<string>
        {
            text["编号"], text["所属社区"], text["类别"], text["标题"], text["描述"], text["地址"], text["状态"], text["渠道"],
            text["提交时间"], text["回应时限"], text["首次回应时间"], text["办结时限"], text["解决时间"], text["支持人数"], text["提出人"],
        };
        if (query.Personal)
        {
            headers.AddRange([text["提出人姓名"], text["提出人电话"]]);
        }

        var rows = needs.Select(n =>
        {
            var row = new List<object?>
            {
                n.Id.ToString(), communityNames.GetValueOrDefault(n.CommunityId, ""), categoryNames.GetValueOrDefault(n.CategoryId, ""),
                n.Title, n.Description, n.Address, text[NeedText.StatusKey(n.Status)].Value, text[NeedText.ChannelKey(n.Channel)].Value,
                Spreadsheet.Time(n.SubmittedAt), Spreadsheet.Time(n.RespondBy), Spreadsheet.Time(n.FirstRespondedAt),
                Spreadsheet.Time(n.ResolveBy), Spreadsheet.Time(n.ResolvedAt), n.SupportCount, Public(n),
            };
            if (query.Personal)
            {
                var r = n.RaiserId is { } id ? raisers.GetValueOrDefault(id) : null;
                row.AddRange([r?.DisplayName ?? "", r?.PhoneNumber ?? ""]);
            }

            return row.ToArray();
        }).ToList();

        if (query.Personal)
        {
            audit.RecordPersonalDataRead("NeedExport", filter.CommunityId!.Value, $"raiser-name,raiser-phone ×{needs.Count}", filter.CommunityId);
            await db.SaveChangesAsync(ct);
        }

        var scope = string.IsNullOrWhiteSpace(query.Community) ? text["全区"].Value : query.Community.Trim();
        var name = $"{text["问题清单"].Value}-{scope}-{DistrictTime.Format(clock.GetUtcNow().UtcDateTime, "yyyyMMdd")}";
        return new NeedsFile(new SheetTable(headers, rows), query.Personal ? name + "-" + text["含个人信息"].Value : name);
    }
}
