using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>
/// A published bill: the figures and the ids of the records behind each, frozen at publication, with a SHA-256 hash
/// of both. Never changed or deleted; a correction is a new version with a note saying why.
/// </summary>
public sealed class BillVersion
{
    public const string DistrictScope = "district";
    public const int NoteMax = 300;

    private BillVersion()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The community's id, or <see cref="DistrictScope"/> for the district's own bill.</summary>
    public string Scope { get; private set; } = "";

    public Guid? CommunityId { get; private set; }

    public string PeriodCode { get; private set; } = "";

    public int Number { get; private set; }

    /// <summary>Counts, rates and medians as JSON (<see cref="FrozenFigures"/>).</summary>
    public string FiguresJson { get; private set; } = "";

    /// <summary>For each figure's code, the ids it counted (Guids, or ledger transfer numbers), as JSON.</summary>
    public string RecordsJson { get; private set; } = "";

    public string ContentHash { get; private set; } = "";

    public string? Note { get; private set; }

    public Guid PublishedById { get; private set; }

    public DateTime PublishedAt { get; private set; }

    public FrozenFigures Figures => JsonSerializer.Deserialize<FrozenFigures>(FiguresJson, Json)!;

    /// <summary>
    /// The ids by figure code. A figure the version has no entry for was not recorded in it (published before the bill
    /// had that figure); <see cref="FrozenFigures.Has"/> says the same of the figures.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Records =>
        JsonSerializer.Deserialize<Dictionary<string, List<string>>>(RecordsJson, Json)!.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);

    public static string ScopeOf(Guid? communityId) => communityId?.ToString() ?? DistrictScope;

    public static BillVersion Publish(BillSheet sheet, IReadOnlyDictionary<string, IReadOnlyList<string>> records, int number, string? note, Guid publisherId, DateTime now)
    {
        var figures = FrozenFigures.Of(sheet);
        var figuresJson = JsonSerializer.Serialize(figures, Json);
        var recordsJson = JsonSerializer.Serialize(records.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value), Json);
        return new BillVersion
        {
            Id = Guid.NewGuid(),
            Scope = ScopeOf(sheet.Community?.Id),
            CommunityId = sheet.Community?.Id,
            PeriodCode = sheet.Period.Code,
            Number = number,
            FiguresJson = figuresJson,
            RecordsJson = recordsJson,
            ContentHash = HashOf(figuresJson, recordsJson),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            PublishedById = publisherId,
            PublishedAt = now,
        };
    }

    /// <summary>Recomputes the hash from the stored content: true when nothing was altered since publication.</summary>
    public bool IsIntact => ContentHash == HashOf(FiguresJson, RecordsJson);

    public static string HashOf(string figuresJson, string recordsJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(figuresJson + "\n" + recordsJson)));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>One difference between two versions: what (a figure's or rate's name, and a unit for amounts), before and after.</summary>
public sealed record BillChange(string Key, string? UnitKey, string Before, string After);

/// <summary>
/// What a published version says: counts by figure code, the three rates (null = nothing to divide by), medians in
/// hours, the contribution amounts by figure code and the points issued and redeemed. Versions published before a
/// figure existed lack it: its count is absent and its amounts null ("not recorded in this version"); the same for
/// self-sustainability.
/// </summary>
public sealed record FrozenFigures(
    IReadOnlyDictionary<string, int> Counts,
    decimal? ResponseRate,
    decimal? ResolutionRate,
    decimal? SatisfactionRate,
    double? MedianResponseHours,
    double? MedianResolutionHours,
    IReadOnlyDictionary<string, ContributionSums>? Contributions = null,
    long? PointsIssued = null,
    long? PointsRedeemed = null,
    Sustainability.SustainabilityFigures? Sustainability = null)
{
    public static FrozenFigures Of(BillSheet sheet) => new(
        Enum.GetValues<BillFigure>().ToDictionary(BillText.Code, f => sheet.Counts[f]),
        sheet.ResponseRate.Percent,
        sheet.ResolutionRate.Percent,
        sheet.SatisfactionRate.Percent,
        sheet.MedianResponseTime is { } r ? Math.Round(r.TotalHours, 1) : null,
        sheet.MedianResolutionTime is { } s ? Math.Round(s.TotalHours, 1) : null,
        sheet.Contributions.ToDictionary(kv => BillText.Code(kv.Key), kv => kv.Value),
        sheet.PointsIssued,
        sheet.PointsRedeemed,
        sheet.Sustainability);

    public int this[BillFigure figure] => Counts.GetValueOrDefault(BillText.Code(figure));

    /// <summary>Whether this version recorded the figure (versions published before it existed did not).</summary>
    public bool Has(BillFigure figure) => Counts.ContainsKey(BillText.Code(figure));

    /// <summary>A contribution figure's amounts; null when not recorded in this version.</summary>
    public ContributionSums? SumsOf(BillFigure figure) => Contributions?.GetValueOrDefault(BillText.Code(figure));

    /// <summary>What differs from an earlier version, in display form ("—" for what a version did not record).</summary>
    public IReadOnlyList<BillChange> ChangesSince(FrozenFigures earlier)
    {
        var changes = new List<BillChange>();
        void Compare(string key, object? before, object? after, string? unit = null)
        {
            if (!Equals(before, after))
            {
                changes.Add(new(key, unit, Show(before), Show(after)));
            }
        }

        foreach (var figure in Enum.GetValues<BillFigure>())
        {
            Compare(BillText.LabelKey(figure), earlier.Has(figure) ? earlier[figure] : null, Has(figure) ? this[figure] : null, BillRules.KindOf(figure) == BillRecordKind.Transfers ? "笔数" : null);
            if (BillRules.KindOf(figure) is BillRecordKind.Intents or BillRecordKind.Deliveries)
            {
                var (before, after) = (earlier.SumsOf(figure), SumsOf(figure));
                Compare(BillText.LabelKey(figure), before?.MoneyYuan, after?.MoneyYuan, "资金（元）");
                Compare(BillText.LabelKey(figure), before?.ServiceHours, after?.ServiceHours, "服务时长（小时）");
                Compare(BillText.LabelKey(figure), before?.ResourceYuan, after?.ResourceYuan, "资源价值（元）");
            }
        }

        Compare("发放积分", earlier.PointsIssued, PointsIssued, "积分");
        Compare("兑换积分", earlier.PointsRedeemed, PointsRedeemed, "积分");

        Compare("响应率", earlier.ResponseRate, ResponseRate);
        Compare("解决率", earlier.ResolutionRate, ResolutionRate);
        Compare("满意率", earlier.SatisfactionRate, SatisfactionRate);
        Compare("回应用时中位数（小时）", earlier.MedianResponseHours, MedianResponseHours);
        Compare("解决用时中位数（小时）", earlier.MedianResolutionHours, MedianResolutionHours);
        changes.AddRange(Bills.Sustainability.SustainabilityFigures.Changes(earlier.Sustainability, Sustainability).Select(c => new BillChange(c.Key, null, c.Before, c.After)));
        return changes;
    }

    private static string Show(object? value) => value switch
    {
        null => "—",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "—",
    };
}

public sealed class BillVersionConfiguration : IEntityTypeConfiguration<BillVersion>
{
    public void Configure(EntityTypeBuilder<BillVersion> builder)
    {
        builder.ToTable("accountability_bill_versions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Scope).HasMaxLength(36);
        builder.Property(x => x.PeriodCode).HasMaxLength(7);
        builder.Property(x => x.ContentHash).HasMaxLength(64);
        builder.Property(x => x.Note).HasMaxLength(BillVersion.NoteMax);
        builder.HasIndex(x => new { x.Scope, x.PeriodCode, x.Number }).IsUnique();
        builder.Ignore(x => x.Figures);
        builder.Ignore(x => x.Records);
        builder.Ignore(x => x.IsIntact);
    }
}
