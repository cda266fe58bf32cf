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

    /// <summary>For each figure's code, the ids it counted, as JSON.</summary>
    public string RecordsJson { get; private set; } = "";

    public string ContentHash { get; private set; } = "";

    public string? Note { get; private set; }

    public Guid PublishedById { get; private set; }

    public DateTime PublishedAt { get; private set; }

    public FrozenFigures Figures => JsonSerializer.Deserialize<FrozenFigures>(FiguresJson, Json)!;

    public IReadOnlyDictionary<string, IReadOnlyList<Guid>> Records =>
        JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(RecordsJson, Json)!.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Guid>)kv.Value);

    public static string ScopeOf(Guid? communityId) => communityId?.ToString() ?? DistrictScope;

    public static BillVersion Publish(BillSheet sheet, IReadOnlyDictionary<string, IReadOnlyList<Guid>> records, int number, string? note, Guid publisherId, DateTime now)
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

/// <summary>
/// What a published version says: counts by figure code, the three rates (null = nothing to divide by), medians in hours,
/// and self-sustainability (null in versions published before it was part of the bill: "not recorded in this version").
/// </summary>
public sealed record FrozenFigures(
    IReadOnlyDictionary<string, int> Counts,
    decimal? ResponseRate,
    decimal? ResolutionRate,
    decimal? SatisfactionRate,
    double? MedianResponseHours,
    double? MedianResolutionHours,
    Sustainability.SustainabilityFigures? Sustainability = null)
{
    public static FrozenFigures Of(BillSheet sheet) => new(
        Enum.GetValues<BillFigure>().ToDictionary(BillText.Code, f => sheet.Counts[f]),
        sheet.ResponseRate.Percent,
        sheet.ResolutionRate.Percent,
        sheet.SatisfactionRate.Percent,
        sheet.MedianResponseTime is { } r ? Math.Round(r.TotalHours, 1) : null,
        sheet.MedianResolutionTime is { } s ? Math.Round(s.TotalHours, 1) : null,
        sheet.Sustainability);

    public int this[BillFigure figure] => Counts.GetValueOrDefault(BillText.Code(figure));

    /// <summary>What differs from an earlier version, as (what, before, after) in display form.</summary>
    public IReadOnlyList<(string Key, string Before, string After)> ChangesSince(FrozenFigures earlier)
    {
        var changes = new List<(string, string, string)>();
        foreach (var figure in Enum.GetValues<BillFigure>())
        {
            if (earlier[figure] != this[figure])
            {
                changes.Add((BillText.LabelKey(figure), earlier[figure].ToString(System.Globalization.CultureInfo.InvariantCulture), this[figure].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        void Compare(string key, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                changes.Add((key, Show(before), Show(after)));
            }
        }

        Compare("响应率", earlier.ResponseRate, ResponseRate);
        Compare("解决率", earlier.ResolutionRate, ResolutionRate);
        Compare("满意率", earlier.SatisfactionRate, SatisfactionRate);
        Compare("回应用时中位数（小时）", earlier.MedianResponseHours, MedianResponseHours);
        Compare("解决用时中位数（小时）", earlier.MedianResolutionHours, MedianResolutionHours);
        changes.AddRange(Bills.Sustainability.SustainabilityFigures.Changes(earlier.Sustainability, Sustainability));
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
