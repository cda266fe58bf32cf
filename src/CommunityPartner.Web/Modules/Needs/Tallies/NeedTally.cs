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

    internal NeedTallyCell ToCell()
    {
        var stored = JsonSerializer.Deserialize<Stored>(Data) ?? throw new InvalidOperationException("Empty tally.");
        return new(CommunityId, Month / 100, Month % 100, stored.Counts, stored.Minutes.ToDictionary(m => m.Key, m => MinuteHistogram.FromBytes(Convert.FromBase64String(m.Value))));
    }

    /// <summary>The storage format of <see cref="Data"/>; part of the stored rules version, so cells of another format are recounted.</summary>
    /// <remarks>v2: one level of minutes as varints; v3: two levels, hours then minutes (<see cref="MinuteHistogram.ToBytes"/>).</remarks>
    internal const string Format = "v3";

    // Histograms as base64 of MinuteHistogram.ToBytes: hour counts, then per hour its minutes — about 2 bytes a minute.
    private static string Encode(NeedTallyCell cell) =>
        JsonSerializer.Serialize(new Stored(cell.Counts, cell.Minutes.ToDictionary(m => m.Key, m => Convert.ToBase64String(m.Value.ToBytes()))));

    private sealed record Stored(IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, string> Minutes);
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

public sealed class NeedTallyConfiguration : IEntityTypeConfiguration<NeedTally>, IEntityTypeConfiguration<NeedTallyChange>
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

    public void Configure(EntityTypeBuilder<NeedTallyChange> builder)
    {
        builder.ToTable("needs_tally_changes");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.SubmittedAt, x.CommunityId });
    }
}
