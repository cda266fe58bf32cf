using System.Data;
using System.Globalization;
using System.Text;
using CommunityPartner.Web.Platform.Time;
using MiniExcelLibs;

namespace CommunityPartner.Web.Platform.Web;

public enum SheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>A table to export: localized headers and rows of strings or numbers.</summary>
public sealed record SheetTable(IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Writes tables as CSV (UTF-8 with a BOM so Excel reads Chinese, RFC 4180 quoting) or XLSX (MiniExcel, ADR 0012).
/// Text that a spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe in both.
/// </summary>
public static class Spreadsheet
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool TryParseFormat(string? format, out SheetFormat parsed)
    {
        parsed = format?.Trim().ToLowerInvariant() switch
        {
            "csv" => SheetFormat.Csv,
            "xlsx" or null or "" => SheetFormat.Xlsx,
            _ => (SheetFormat)(-1),
        };
        return Enum.IsDefined(parsed);
    }

    public static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static byte[] ToCsv(SheetTable table)
    {
        var text = new StringBuilder();
        AppendLine(text, table.Headers);
        foreach (var row in table.Rows)
        {
            AppendLine(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToXlsx(SheetTable table, string sheetName)
    {
        using var data = new DataTable();
        foreach (var header in table.Headers)
        {
            data.Columns.Add(Neutralize(header), typeof(object));
        }

        foreach (var row in table.Rows)
        {
            data.Rows.Add([.. row.Select(v => v is string s ? Neutralize(s) : v ?? DBNull.Value)]);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(data, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The file as a download; the name (Chinese allowed) goes into Content-Disposition with filename*=UTF-8''.</summary>
    public static IResult File(SheetTable table, SheetFormat format, string baseName, string sheetName) => format == SheetFormat.Csv
        ? Results.File(ToCsv(table), CsvType, baseName + ".csv")
        : Results.File(ToXlsx(table, sheetName), XlsxType, baseName + ".xlsx");

    /// <summary>A UTC time as China time, the way the pages show it.</summary>
    public static string Time(DateTime? utc) =>
        utc is { } t ? DistrictTime.Minutes(t) : "";

    private static void AppendLine(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var value = cell switch
            {
                null => "",
                string s => Neutralize(s),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => cell.ToString() ?? "",
            };
            text.Append(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }

        text.Append("\r\n");
    }
}
