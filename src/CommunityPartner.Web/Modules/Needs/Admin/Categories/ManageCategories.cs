using System.Text.RegularExpressions;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.Admin.Categories;

public sealed record CategoryCommand(string? Code, string? Name, string? NameEn, int? ResponseHours, int? ResolutionDays, int? SortOrder, bool IsActive);

public sealed record CategoryDto(string Code, string Name, string NameEn, int ResponseHours, int ResolutionDays, int SortOrder, bool IsActive)
{
    public static CategoryDto From(NeedCategory c) => new(c.Code, c.Name, c.NameEn, c.ResponseHours, c.ResolutionDays, c.SortOrder, c.IsActive);
}

/// <summary>
/// The district admin keeps the list of need categories and their 民呼我应 deadlines. A changed deadline applies to
/// needs raised from then on; needs already raised keep the deadline they were given.
/// </summary>
public sealed partial class ManageCategoriesHandler(AppDbContext db, AuditLog audit)
{
    public const int MaxResponseHours = 720;
    public const int MaxResolutionDays = 365;

    public async Task<IReadOnlyList<CategoryDto>> ListAsync(CancellationToken ct) =>
        [.. (await db.Set<NeedCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct)).Select(CategoryDto.From)];

    public async Task<Result<NeedCategory>> CreateAsync(CategoryCommand command, CancellationToken ct)
    {
        var code = command.Code?.Trim().ToLowerInvariant() ?? "";
        var errors = Validate(command);
        if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", "类别代码只能用 2–40 个小写字母、数字或连字符，且以字母开头");
        }
        else if (await db.Set<NeedCategory>().AnyAsync(c => c.Code == code, ct))
        {
            errors.Add("code", "类别代码“{0}”已被使用", code);
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var category = NeedCategory.Create(Guid.NewGuid(), code, command.Name!.Trim(), command.NameEn!.Trim(), command.SortOrder ?? 100,
            command.ResponseHours!.Value, command.ResolutionDays!.Value);
        db.Add(category);
        audit.Record("needs.category-create", nameof(NeedCategory), category.Id, null, category.Snapshot());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return ValidationErrors.Of("code", "类别代码“{0}”已被使用", code);
        }

        return category;
    }

    public async Task<Result<NeedCategory>> UpdateAsync(string code, CategoryCommand command, CancellationToken ct)
    {
        var category = await db.Set<NeedCategory>().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (category is null)
        {
            return Result<NeedCategory>.NotFound("没有这个类别");
        }

        var errors = Validate(command);
        if (!errors.IsValid)
        {
            return errors;
        }

        var before = category.Snapshot();
        category.Update(command.Name!.Trim(), command.NameEn!.Trim(), command.ResponseHours!.Value, command.ResolutionDays!.Value,
            command.SortOrder ?? category.SortOrder, command.IsActive);
        audit.Record("needs.category-edit", nameof(NeedCategory), category.Id, before, category.Snapshot());
        await db.SaveChangesAsync(ct);
        return category;
    }

    private static ValidationErrors Validate(CategoryCommand command)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Trim().Length > 20)
        {
            errors.Add("name", "请填写类别名称（不超过 20 个字）");
        }

        if (string.IsNullOrWhiteSpace(command.NameEn) || command.NameEn.Trim().Length > 40)
        {
            errors.Add("nameEn", "请填写英文名称（不超过 40 个字符）");
        }

        if (command.ResponseHours is not (>= 1 and <= MaxResponseHours))
        {
            errors.Add("responseHours", "回应时限须在 1 到 {0} 小时之间", MaxResponseHours);
        }

        if (command.ResolutionDays is not (>= 1 and <= MaxResolutionDays))
        {
            errors.Add("resolutionDays", "办结时限须在 1 到 {0} 天之间", MaxResolutionDays);
        }
        else if (command.ResponseHours is { } h && h > command.ResolutionDays * 24)
        {
            errors.Add("responseHours", "回应时限不能长于办结时限");
        }

        if (command.SortOrder is < 0 or > 1000)
        {
            errors.Add("sortOrder", "排序须在 0 到 1000 之间");
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
