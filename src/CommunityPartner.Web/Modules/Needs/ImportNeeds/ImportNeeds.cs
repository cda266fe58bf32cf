using System.Security.Claims;
using System.Security.Cryptography;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.ImportNeeds;

/// <summary>What an uploaded file would import: each row with its errors; importable only when no row has any.</summary>
public sealed record ImportPreview(string Hash, string FileName, IReadOnlyList<ImportRow> Rows, IReadOnlyList<RowError> Errors, NeedImport? Already)
{
    public bool CanImport => Already is null && Errors.Count == 0 && Rows.Count > 0;

    public IEnumerable<RowError> ErrorsOf(int row) => Errors.Where(e => e.Row == row);
}

/// <param name="AlreadyImported">The same file was imported before (maybe a moment ago, in parallel): nothing new was added.</param>
public sealed record ImportOutcome(NeedImport Import, bool AlreadyImported);

/// <summary>
/// Imports a community's existing problem list, all or nothing: upload → preview with row-level errors → import in
/// one transaction. The file's SHA-256 per community (unique) makes the same file import once.
/// </summary>
public sealed class ImportNeedsHandler(AppDbContext db, ICommunityDirectory communities, FileStore files, AuditLog audit, TimeProvider clock)
{
    private const int Batch = 250;

    /// <summary>How long an uploaded file that was previewed but not imported is kept for its import.</summary>
    public static readonly TimeSpan PreviewKeptFor = TimeSpan.FromDays(7);

    public async Task<Result<ImportPreview>> PreviewAsync(ClaimsPrincipal user, string code, string fileName, byte[] content, CancellationToken ct)
    {
        var community = await communities.FindByCodeAsync(code, ct);
        if (community is null)
        {
            return Result<ImportPreview>.NotFound("没有这个社区");
        }

        if (!NeedPeople.CanAnswer(user, community.Id))
        {
            return Result<ImportPreview>.Forbidden("只有本社区工作人员和区管理员可以导入问题清单");
        }

        var errors = new ValidationErrors();
        if (content.Length == 0 || content.Length > ImportSheet.MaxBytes)
        {
            errors.Add("file", "请上传不超过 5 MB 的文件");
        }
        else if (ImportSheet.KindOf(fileName, content) is null)
        {
            errors.Add("file", "只能上传 .xlsx 或 .csv 文件（可以下载导入模板）");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var kind = ImportSheet.KindOf(fileName, content)!.Value;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        // The uploaded file waits for the import (by its hash) for a while: previews never imported are swept after
        // PreviewKeptFor, an imported file at once (its NeedImport record keeps the hash that answers a repeat).
        files.DeleteOlderThan(FolderOf(community.Id), clock.GetUtcNow().UtcDateTime - PreviewKeptFor);
        var preview = await CheckAsync(community.Id, user.UserId()!.Value, hash, Path.GetFileName(fileName), content, kind, ct);
        if (preview.Preview.Already is null)
        {
            await files.WriteAsync(PathOf(community.Id, hash, kind), content, ct);
        }

        return preview.Preview;
    }

    public async Task<Result<ImportOutcome>> ImportAsync(ClaimsPrincipal user, string code, string hash, string? fileName, Func<int, int, Task>? progress, CancellationToken ct)
    {
        var community = await communities.FindByCodeAsync(code, ct);
        if (community is null)
        {
            return Result<ImportOutcome>.NotFound("没有这个社区");
        }

        if (!NeedPeople.CanAnswer(user, community.Id))
        {
            return Result<ImportOutcome>.Forbidden("只有本社区工作人员和区管理员可以导入问题清单");
        }

        if (await AlreadyAsync(community.Id, hash, ct) is { } done)
        {
            return new ImportOutcome(done, AlreadyImported: true);
        }

        var kind = Enum.GetValues<SheetKind>().Cast<SheetKind?>().FirstOrDefault(k => files.Exists(PathOf(community.Id, hash ?? "", k!.Value)));
        if (kind is null || !IsHash(hash))
        {
            return Result<ImportOutcome>.NotFound("找不到上传的文件，请重新上传");
        }

        var content = await ReadAsync(PathOf(community.Id, hash, kind.Value), ct);
        var staffId = user.UserId()!.Value;
        var (preview, needs, importId) = await CheckAsync(community.Id, staffId, hash, "", content, kind.Value, ct);
        if (preview.Already is { } meanwhile)
        {
            // A parallel submission of the same file committed between the check above and this one: answer as a retry.
            return new ImportOutcome(meanwhile, AlreadyImported: true);
        }

        if (!preview.CanImport)
        {
            return Result<ImportOutcome>.Conflict("文件中有错误的行，没有导入任何诉求；请改正后重新上传");
        }

        var import = NeedImport.Record(importId, community.Id, hash, string.IsNullOrWhiteSpace(fileName) ? hash[..12] : Path.GetFileName(fileName), needs.Count, staffId, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The import's row first: a second attempt with the same file waits here on the unique index, then fails.
            db.Add(import);
            audit.Record("needs.imported", nameof(NeedImport), import.Id, null, new { import.NeedCount, import.ContentHash }, community.Id);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < needs.Count; i += Batch)
            {
                db.AddRange(needs.Skip(i).Take(Batch));
                await db.SaveChangesAsync(ct);
                if (progress is not null)
                {
                    await progress(Math.Min(i + Batch, needs.Count), needs.Count);
                }
            }

            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await AlreadyAsync(community.Id, hash, ct) is { } first
                ? new ImportOutcome(first, AlreadyImported: true)
                : Result<ImportOutcome>.Conflict("导入没有完成，请重试");
        }

        files.Delete(PathOf(community.Id, hash, kind.Value));
        return new ImportOutcome(import, AlreadyImported: false);
    }

    private Task<NeedImport?> AlreadyAsync(Guid communityId, string? hash, CancellationToken ct) =>
        db.Set<NeedImport>().AsNoTracking().FirstOrDefaultAsync(i => i.CommunityId == communityId && i.ContentHash == hash, ct);

    private async Task<(ImportPreview Preview, List<Need> Needs, Guid ImportId)> CheckAsync(
        Guid communityId, Guid staffId, string hash, string fileName, byte[] content, SheetKind kind, CancellationToken ct)
    {
        var (rows, fileErrors) = ImportSheet.Read(content, kind);
        var errors = new List<RowError>(fileErrors);
        var already = await AlreadyAsync(communityId, hash, ct);
        var importId = Guid.NewGuid();
        var needs = await ImportRows.BuildAsync(db, rows, communityId, staffId, importId, clock.GetUtcNow().UtcDateTime, errors, ct);
        return (new ImportPreview(hash, fileName, rows, errors, already), needs, importId);
    }

    private async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = files.OpenRead(path)!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    private static bool IsHash(string? hash) => hash is { Length: 64 } && hash.All(Uri.IsHexDigit);

    internal static string FolderOf(Guid communityId) => $"imports/{communityId:N}";

    internal static string PathOf(Guid communityId, string hash, SheetKind kind) =>
        $"{FolderOf(communityId)}/{(IsHash(hash) ? hash : "invalid")}.{kind.ToString().ToLowerInvariant()}";
}
