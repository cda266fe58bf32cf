using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.ExportNeeds;

public static class ExportNeedsEndpoint
{
    public static RouteGroupBuilder MapExportNeeds(this RouteGroupBuilder api)
    {
        api.MapGet("/needs/export", async (
            string? community, string? status, string? category, string? q, bool? personal, string? format,
            HttpContext http, ExportNeedsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (!Spreadsheet.TryParseFormat(format, out var sheetFormat))
            {
                var errors = new ValidationErrors();
                errors.Add("format", "文件格式只能是 xlsx 或 csv");
                return ApiResults.Validation(errors, text);
            }

            var result = await handler.ExportAsync(http.User, new NeedExportQuery(community, status, category, q, personal == true), ct);
            return ApiResults.From(result, text, file => Spreadsheet.File(file.Table, sheetFormat, file.FileName, text["问题清单"]));
        })
        .WithName("ExportNeeds")
        .WithSummary("The problem list as a spreadsheet, with the list's filters (format=xlsx or csv, at most 10,000 rows). With personal=true and a community, the raisers' names and phones are added: staff of that community and the district admin only; each such export is logged.")
        .WithTags("Needs")
        .Produces(StatusCodes.Status200OK, contentType: Spreadsheet.XlsxType)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
