using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.ExportBill;

public static class ExportBillEndpoint
{
    public static RouteGroupBuilder MapExportBill(this RouteGroupBuilder api)
    {
        api.MapGet("/bills/export", async (
            string? community, string? period, int? version, bool? draft, string? format,
            HttpContext http, ExportBillHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (!Spreadsheet.TryParseFormat(format, out var sheetFormat))
            {
                var errors = new ValidationErrors();
                errors.Add("format", "文件格式只能是 xlsx 或 csv");
                return ApiResults.Validation(errors, text);
            }

            var result = await handler.ExportAsync(http.User, community, period, version, draft == true, ct);
            return ApiResults.From(result, text, file => Spreadsheet.File(file.Table, sheetFormat, file.FileName, text["幸福账单"]));
        })
        .WithName("ExportBill")
        .WithSummary("A bill as a spreadsheet (format=xlsx or csv, headers in the request's language): a published version for anyone, or with draft=true the live figures (staff of the community and the district admin only).")
        .WithTags("Bills")
        .Produces(StatusCodes.Status200OK, contentType: Spreadsheet.XlsxType)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
