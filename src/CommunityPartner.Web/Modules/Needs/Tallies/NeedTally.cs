using System.Text.Json;
using CommunityPartner.Web.Modules.Needs.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs.Tallies;

/// <summary>
/// The kept tally of one community's needs submitted in one Beijing month (ADR 0014): the figures' counts and the
/// duration histograms (packed, <see cref="MinuteHistogram"/>), the rules that counted them and when. Only <see cref="NeedTallies"/> writes it.
/// </summary>
public sealed class NeedTally
{
    private NeedTally()
    {
    }

    public Guid CommunityId { get; private set; }

    /// <summary>yyyymm, Beijing time.</summary>
    public int Month { get; private set; }

    public string RulesVersion { get; private set; } = "";

    public DateTime ComputedAt { get; private set; }

    public string Data { get; private set; } = "";

    internal static NeedTally Of(NeedTallyCell cell, string rulesVersion, DateTime now) => new()
    {
        CommunityId = cell.CommunityId,
        Month = (cell.Year * 100) + cell.Month,
        RulesVersion = rulesVersion,
        ComputedAt = now,
        Data = Encode(cell),
    };

    internal void Replace(NeedTallyCell cell, string rulesVersion, DateTime now)
    {
        RulesVersion = rulesVersion;
        ComputedAt = now;
        Data = Encode(cell);
    }

    /// <summary>
    /// The cell with its counts, and histograms holding hour counts only (<see cref="MinuteHistogram.FromHours"/>): the
    /// reader loads the minutes of the hours it needs from <see cref="NeedTallyMinutes"/>.
    /// </summary>
    internal NeedTallyCell ToCell()
    {
        var stored = JsonSerializer.Deserialize<Stored>(Data) ?? throw new InvalidOperationException("Empty tally.");
        return new(CommunityId, Month / 100, Month % 100, stored.Counts, stored.Hours.ToDictionary(m => m.Key, m => MinuteHistogram.FromHours(Convert.FromBase64String(m.Value))));
    }

    /// <summary>The storage format of <see cref="Data"/> and <see cref="NeedTallyMinutes"/>; part of the stored rules version, so cells of another format are recounted.</summary>
    /// <remarks>
    /// v2: one level of minutes as varints; v3: two levels, hours then minutes (<see cref="MinuteHistogram.ToBytes"/>);
    /// v4: the hour counts here (<see cref="MinuteHistogram.HoursToBytes"/>), each hour's minutes a row of
    /// <see cref="NeedTallyMinutes"/>.
    /// </remarks>
    internal const string Format = "v4";

    /// <summary>The rows of a cell's minutes: one per histogram and hour holding values.</summary>
    internal static IEnumerable<NeedTallyMinutes> MinutesOf(NeedTallyCell cell)
    {
        var month = (cell.Year * 100) + cell.Month;
        foreach (var (kind, histogram) in cell.Minutes)
        {
            for (var i = 0; i < histogram.HourCount; i++)
            {
                yield return new NeedTallyMinutes(month, cell.CommunityId, kind, histogram.HourAt(i), histogram.MinutesOfHour(i));
            }
        }
    }

    // Histograms as base64 of MinuteHistogram.HoursToBytes (hour counts only; the minutes are rows of NeedTallyMinutes).
    private static string Encode(NeedTallyCell cell) =>
        JsonSerializer.Serialize(new Stored(cell.Counts, cell.Minutes.ToDictionary(m => m.Key, m => Convert.ToBase64String(m.Value.HoursToBytes()))));

    private sealed record Stored(IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, string> Hours);
}

/// <summary>
/// The minutes of one hour of one histogram of a kept tally cell (<see cref="MinuteHistogram.MinutesOfHour"/>), kept
/// apart from the cell's counts and hour counts so a read fetches the minutes of the median's hour(s) only (ADR 0014).
/// Written with its cell, in the same transaction, only by <see cref="NeedTallies"/>.
/// </summary>
public sealed class NeedTallyMinutes
{
    internal NeedTallyMinutes(int month, Guid communityId, string kind, int hour, byte[] minutes)
    {
        Month = month;
        CommunityId = communityId;
        Kind = kind;
        Hour = hour;
        Minutes = minutes;
    }

    /// <summary>yyyymm, Beijing time.</summary>
    public int Month { get; private set; }

    public Guid CommunityId { get; private set; }

    /// <summary>The histogram (<see cref="NeedTallyCell.Minutes"/>'s key).</summary>
    public string Kind { get; private set; }

    /// <summary>The hour: minutes 60 × Hour … 60 × Hour + 59.</summary>
    public int Hour { get; private set; }

    public byte[] Minutes { get; private set; }
}

/// <summary>
/// A change to a need (or its ratings) since the tallies were kept: one row per changed need, written by database
/// triggers on <c>needs_needs</c> and <c>needs_ratings</c> in the writer's own transaction (migration <c>Perf</c>), so
/// no write path can forget it. The cell it names (community, Beijing month of <see cref="SubmittedAt"/>) is recounted
/// on read until <see cref="NeedTallies.RefreshAsync"/> keeps it again and deletes the row.
/// </summary>
public sealed class NeedTallyChange
{
    private NeedTallyChange()
    {
    }

    public long Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public DateTime SubmittedAt { get; private set; }
}

public sealed class NeedTallyConfiguration : IEntityTypeConfiguration<NeedTally>, IEntityTypeConfiguration<NeedTallyChange>, IEntityTypeConfiguration<NeedTallyMinutes>
{
    /// <summary>The triggers that record changes (their SQL is in the Perf migrations).</summary>
    public static readonly string[] Triggers =
    [
        "needs_tally_changes_need_insert", "needs_tally_changes_need_update", "needs_tally_changes_need_delete",
        "needs_tally_changes_rating_insert", "needs_tally_changes_rating_update", "needs_tally_changes_rating_delete",
    ];

    public void Configure(EntityTypeBuilder<NeedTally> builder)
    {
        builder.ToTable("needs_tallies");
        builder.HasKey(x => new { x.Month, x.CommunityId });
        builder.Property(x => x.RulesVersion).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<NeedTallyMinutes> builder)
    {
        builder.ToTable("needs_tally_minutes");

        // A read asks for a few hours of one histogram over a range of months: the key leads with them.
        builder.HasKey(x => new { x.Kind, x.Hour, x.Month, x.CommunityId });
        builder.Property(x => x.Kind).HasMaxLength(40);

        // A refresh replaces a cell's rows.
        builder.HasIndex(x => new { x.Month, x.CommunityId });
    }

    public void Configure(EntityTypeBuilder<NeedTallyChange> builder)
    {
        builder.ToTable("needs_tally_changes");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.SubmittedAt, x.CommunityId });
    }
}
