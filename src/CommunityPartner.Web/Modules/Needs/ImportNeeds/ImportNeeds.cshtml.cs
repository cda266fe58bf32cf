using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.ImportNeeds;

/// <summary>Upload a community's existing list → preview each row and its errors → import it all (or nothing).</summary>
[CommunityScope("community", "code")]
[RequestSizeLimit(ImportSheet.MaxBytes + 100_000)]
public sealed class ImportNeedsModel(ImportNeedsHandler handler, ICommunityDirectory communities, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public CommunityInfo Community { get; private set; } = default!;

    public ImportPreview? Preview { get; private set; }

    /// <summary>The import just done (or found done before), shown after the import.</summary>
    public NeedImport? Done { get; private set; }

    public bool WasAlready { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid? done, bool again, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        if (done is { } id)
        {
            Done = await db.Set<NeedImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.CommunityId == Community.Id, ct);
            WasAlready = again;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string code, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var content = file is null ? [] : await ImportNeedsEndpoints.ReadAsync(file, ct);
        var result = await handler.PreviewAsync(User, code, file?.FileName ?? "", content, ct);
        ModelState.AddResult(result, text, prefix: "");
        Preview = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string code, string hash, string? fileName, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var result = await handler.ImportAsync(User, code, hash, fileName, null, ct);
        ModelState.AddResult(result, text, prefix: "");
        return result.IsOk
            ? Redirect($"/admin/communities/{Community.Code}/needs/import?done={result.Value!.Import.Id}&again={result.Value.AlreadyImported}")
            : Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var community = await communities.FindByCodeAsync(code, ct);
        Community = community!;
        return community is not null;
    }
}
