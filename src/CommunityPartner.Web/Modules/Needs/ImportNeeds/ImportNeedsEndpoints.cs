using System.Text.Json;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.ImportNeeds;

public static class ImportNeedsEndpoints
{
    public sealed record RowErrorDto(int Row, string Message);

    public sealed record PreviewDto(string Hash, int Rows, bool CanImport, IReadOnlyList<RowErrorDto> Errors, ImportDto? AlreadyImported);

    public sealed record ImportDto(Guid Id, int NeedCount, DateTime ImportedAt, string FileName, bool AlreadyImported);

    public static RouteGroupBuilder MapImportNeeds(this RouteGroupBuilder api)
    {
        api.MapGet("/needs/import-template", (string? format, IStringLocalizer<SharedResource> text) =>
            Spreadsheet.TryParseFormat(format, out var f)
                ? Spreadsheet.File(ImportTemplate.Table(), f, text["问题清单导入模板"], "needs")
                : ApiResults.Problem(StatusCodes.Status400BadRequest, text["文件格式只能是 xlsx 或 csv"]))
        .WithName("NeedImportTemplate")
        .WithSummary("The template for importing a community's existing problem list: the accepted columns (Chinese headers) and one example row.")
        .WithTags("Needs")
        .Produces(StatusCodes.Status200OK, contentType: Spreadsheet.XlsxType)
        .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/communities/{code}/needs/imports/preview", async (string code, IFormFile? file, HttpContext http, ImportNeedsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var content = file is null ? [] : await ReadAsync(file, ct);
            var result = await handler.PreviewAsync(http.User, code, file?.FileName ?? "", content, ct);
            return ApiResults.From(result, text, p => TypedResults.Ok(new PreviewDto(
                p.Hash, p.Rows.Count, p.CanImport, [.. p.Errors.Select(e => new RowErrorDto(e.Row, text[e.Key, e.Args]))], p.Already is { } a ? Dto(a, true) : null)));
        })
        .RequireCommunityScope("community", "code")
        .DisableAntiforgery()
        .Accepts<IFormFile>("multipart/form-data")
        .WithName("PreviewNeedImport")
        .WithSummary("Upload an XLSX or CSV problem list (form field file, at most 5,000 rows): each bad row with its row number and message; nothing is imported yet. Staff of the community and the district admin.")
        .WithTags("Needs")
        .Produces<PreviewDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/communities/{code}/needs/imports/{hash}", async (string code, string hash, string? fileName, HttpContext http, ImportNeedsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var streaming = http.Request.Headers.Accept.ToString().Contains("application/x-ndjson", StringComparison.Ordinal);
            if (!streaming)
            {
                var result = await handler.ImportAsync(http.User, code, hash, fileName, null, ct);
                return ApiResults.From(result, text, o => o.AlreadyImported
                    ? TypedResults.Ok(Dto(o.Import, true))
                    : (IResult)TypedResults.Created($"/needs?community={code}", Dto(o.Import, false)));
            }

            // Progress as it happens: one JSON line per saved batch, then the outcome.
            http.Response.ContentType = "application/x-ndjson";
            async Task Line(object value)
            {
                await http.Response.WriteAsync(JsonSerializer.Serialize(value, JsonSerializerOptions.Web) + "\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }

            var outcome = await handler.ImportAsync(http.User, code, hash, fileName, (done, total) => Line(new { done, total }), ct);
            await Line(outcome.IsOk
                ? new { status = 200, import = (ImportDto?)Dto(outcome.Value!.Import, outcome.Value.AlreadyImported), message = (string?)null }
                : new { status = 409, import = (ImportDto?)null, message = (string?)text[outcome.MessageKey ?? "操作与当前状态冲突"].Value });
            return Results.Empty;
        })
        .RequireCommunityScope("community", "code")
        .WithName("ImportNeeds")
        .WithSummary("Import a previewed file (by its hash), all or nothing, in one transaction. The same file imports once: a repeat answers 200 with the first import. With Accept: application/x-ndjson, progress lines are streamed.")
        .WithTags("Needs")
        .Produces<ImportDto>(StatusCodes.Status201Created)
        .Produces<ImportDto>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    internal static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > ImportSheet.MaxBytes)
        {
            return [];
        }

        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    private static ImportDto Dto(NeedImport i, bool already) => new(i.Id, i.NeedCount, i.ImportedAt, i.FileName, already);
}
