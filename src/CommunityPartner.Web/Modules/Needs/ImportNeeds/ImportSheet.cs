using System.Globalization;
using System.Text;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Time;
using MiniExcelLibs;

namespace CommunityPartner.Web.Modules.Needs.ImportNeeds;

/// <summary>A message about a row (or the file when the row is 0), as a Chinese localization key and its arguments.</summary>
public sealed record RowError(int Row, string Key, params object[] Args);

/// <summary>One data row as read, its spreadsheet row number (the header is row 1) and what is wrong with it.</summary>
public sealed record ImportRow(int Row, IReadOnlyDictionary<string, string> Cells, IReadOnlyDictionary<string, object?> Raw);

/// <summary>
/// The accepted layout of an imported problem list: Chinese headers (the template's), required ones marked. Reads
/// XLSX (MiniExcel) or CSV, UTF-8 or — when it is not valid UTF-8, as Excel saves "CSV" on a Chinese Windows — GBK /
/// GB18030; rows that are entirely empty are skipped.
/// </summary>
public static class ImportSheet
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string Title = "标题";
    public const string Category = "类别";
    public const string Submitted = "提交日期";
    public const string Status = "状态";
    public const string Address = "地址";
    public const string Description = "描述";
    public const string Channel = "渠道";
    public const string Responded = "回应日期";
    public const string Resolved = "解决日期";
    public const string Result = "办理结果";
    public const string Phone = "提出人电话";

    public static readonly IReadOnlyList<string> Columns = [Title, Category, Submitted, Status, Address, Description, Channel, Responded, Resolved, Result, Phone];

    public static readonly IReadOnlyList<string> Required = [Title, Category, Submitted, Status];

    /// <summary>The format from the file name and its first bytes; null when it is neither XLSX nor CSV.</summary>
    public static SheetKind? KindOf(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return extension switch
        {
            ".xlsx" when isZip => SheetKind.Xlsx,
            ".csv" when !isZip && !content.Contains((byte)0) => SheetKind.Csv,
            _ => null,
        };
    }

    /// <summary>The rows, or the file-level errors (missing columns, too many rows, unreadable).</summary>
    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<RowError> Errors) Read(byte[] content, SheetKind kind)
    {
        if (kind == SheetKind.Csv)
        {
            content = CsvAsUtf8(content);
        }

        List<IDictionary<string, object?>> raw;
        try
        {
            using var stream = new MemoryStream(content);
            raw = [.. stream.Query(useHeaderRow: true, excelType: kind == SheetKind.Xlsx ? ExcelType.XLSX : ExcelType.CSV)
                .Cast<IDictionary<string, object?>>().Take(MaxRows + 1000)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException or NotSupportedException or KeyNotFoundException)
        {
            return ([], [new RowError(0, "无法读取这个文件，请用导入模板重新保存后再试")]);
        }

        var headers = raw.FirstOrDefault()?.Keys.Select(k => k.Trim().TrimStart('*')).ToHashSet() ?? ReadHeaders(content, kind);
        var missing = Required.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [new RowError(0, "缺少必填的列：{0}（请使用导入模板）", string.Join("、", missing))]);
        }

        var rows = new List<ImportRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            var byName = raw[i].ToDictionary(kv => kv.Key.Trim().TrimStart('*'), kv => kv.Value);
            var cells = Columns.ToDictionary(c => c, c => Text(byName.GetValueOrDefault(c)));
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new ImportRow(i + 2, cells, byName));
        }

        if (rows.Count > MaxRows)
        {
            return ([], [new RowError(0, "一次最多导入 {0} 行，这个文件超过了；请分成几个文件导入", MaxRows)]);
        }

        return rows.Count == 0 ? ([], [new RowError(0, "文件里没有诉求")]) : (rows, []);
    }

    /// <summary>A date cell: an Excel date, or text like 2025-04-03, 2025/4/3 or 2025-04-03 14:30, in Beijing time → UTC.</summary>
    public static bool TryDate(object? raw, out DateTime utc)
    {
        DateTime local;
        switch (raw)
        {
            case DateTime d:
                local = d;
                break;
            case double oa when oa is > 0 and < 2958465:
                local = DateTime.FromOADate(oa);
                break;
            default:
                var text = Text(raw);
                string[] formats = ["yyyy-M-d", "yyyy/M/d", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy.M.d"];
                if (!DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
                {
                    utc = default;
                    return false;
                }

                break;
        }

        utc = DateTime.SpecifyKind(local - DistrictTime.Offset, DateTimeKind.Utc);
        return local.Year is >= 2000 and <= 2100;
    }

    public static NeedStatus? StatusOf(string text) => text switch
    {
        "待回应" => NeedStatus.Submitted,
        "已回应" => NeedStatus.Responded,
        "处理中" => NeedStatus.InProgress,
        "已解决" => NeedStatus.Resolved,
        "不予受理" => NeedStatus.Rejected,
        _ => null,
    };

    public static NeedChannel? ChannelOf(string text) =>
        string.IsNullOrWhiteSpace(text) ? NeedChannel.WalkIn : Enum.GetValues<NeedChannel>().Cast<NeedChannel?>().FirstOrDefault(c => NeedText.ChannelKey(c!.Value) == text);

    public static string? PhoneOf(string text) => string.IsNullOrWhiteSpace(text) ? null : PersonalData.NormalizePhone(text);

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>
    /// CSV bytes as UTF-8: unchanged when they already are UTF-8 (with or without a BOM); otherwise read as GB18030
    /// (a superset of GBK, code page 936, which Excel uses for "CSV" on a Chinese Windows) and written back as UTF-8.
    /// </summary>
    public static byte[] CsvAsUtf8(byte[] content)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(content);
            return content;
        }
        catch (DecoderFallbackException)
        {
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Gb18030.Value.GetString(content))];
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        // The code pages ship with the shared framework; registering the provider again is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    private static HashSet<string> ReadHeaders(byte[] content, SheetKind kind)
    {
        using var stream = new MemoryStream(content);
        var first = stream.Query(useHeaderRow: false, excelType: kind == SheetKind.Xlsx ? ExcelType.XLSX : ExcelType.CSV)
            .Cast<IDictionary<string, object?>>().FirstOrDefault();
        return first?.Values.Select(v => Text(v).TrimStart('*')).ToHashSet() ?? [];
    }
}

public enum SheetKind
{
    Csv,
    Xlsx,
}
