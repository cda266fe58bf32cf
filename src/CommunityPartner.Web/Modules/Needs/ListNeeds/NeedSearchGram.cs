using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs.ListNeeds;

/// <summary>
/// One entry of the problem list's search index: a character or a pair of adjacent characters (as CJK search engines
/// index Chinese) found in a need's title, description or address. A search walks the entries of one pair of its
/// term, newest first, so one- and two-character terms such as 垃圾 or 停车 are served by an index on either database.
/// Needs are never edited after they are raised, so entries are written once, with the need.
/// </summary>
public sealed class NeedSearchGram
{
    private NeedSearchGram()
    {
    }

    public NeedSearchGram(string gram, Guid needId, DateTime submittedAt)
    {
        Gram = gram;
        NeedId = needId;
        SubmittedAt = submittedAt;
    }

    public string Gram { get; private set; } = "";

    public Guid NeedId { get; private set; }

    /// <summary>Copied from the need so a search can page newest-first through the index alone.</summary>
    public DateTime SubmittedAt { get; private set; }

    /// <summary>Distinct characters and adjacent pairs of letters and digits, lower-cased.</summary>
    public static IReadOnlySet<string> GramsOf(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var chars = text.ToLowerInvariant();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]))
            {
                continue;
            }

            grams.Add(chars[i].ToString());
            if (i + 1 < chars.Length && char.IsLetterOrDigit(chars[i + 1]))
            {
                grams.Add(chars.Substring(i, 2));
            }
        }

        return grams;
    }

    /// <summary>The grams a search term could be found through: its pairs, or the character itself.</summary>
    public static IReadOnlyList<string> CandidatesFor(string term)
    {
        var pairs = GramsOf(term).Where(g => g.Length == 2).ToList();
        return pairs.Count > 0 ? pairs : [.. GramsOf(term)];
    }
}

public sealed class NeedSearchGramConfiguration : IEntityTypeConfiguration<NeedSearchGram>
{
    public void Configure(EntityTypeBuilder<NeedSearchGram> builder)
    {
        builder.ToTable("needs_search_grams");
        builder.HasKey(x => new { x.Gram, x.NeedId });
        builder.Property(x => x.Gram).HasMaxLength(2);
        builder.HasIndex(x => new { x.Gram, x.SubmittedAt, x.NeedId });
    }
}
