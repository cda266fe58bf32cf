using System.Globalization;
using System.Text;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Bench.Generation;

/// <summary>
/// Makes needs the way the app does: <see cref="Need.Raise"/> (which writes the search grams and the first event),
/// then the entity's own transitions up to a state that fits the need's age, so rows, events, ratings and index
/// entries are exactly what the app would have stored.
/// </summary>
public sealed class NeedFactory(IReadOnlyList<CommunityInfo> communities, IReadOnlyList<NeedCategory> categories, DateTime end, int seed)
{
    // Bigger communities raise more: the two real ones first, then the seven samples.
    private static readonly int[] CommunityWeights = [18, 16, 12, 10, 10, 10, 8, 8, 8];
    private static readonly int[] CategoryWeights = [20, 24, 9, 7, 16, 8, 9, 7];

    private readonly Random _random = new(seed);
    private readonly Dictionary<Guid, Need> _openInBatch = [];
    private readonly Guid[] _staff = [.. Enumerable.Range(0, 18).Select(_ => Guid.NewGuid())];
    private readonly Guid[] _residents = [.. Enumerable.Range(0, 20_000).Select(_ => Guid.NewGuid())];

    /// <summary>A need raised at <paramref name="at"/>, moved along its life up to the end of the generated span.</summary>
    public Need Make(DateTime at)
    {
        var community = communities[Pick(CommunityWeights)];
        var category = categories[Pick(CategoryWeights)];
        var raiser = _random.NextDouble() < 0.6 ? _residents[_random.Next(_residents.Length)] : (Guid?)null;
        var staff = _staff[_random.Next(_staff.Length)];
        var channel = raiser is null ? (NeedChannel)(1 + _random.Next(3)) : NeedChannel.Web;
        var (title, description, address) = Text(category.Code, community.Name);
        var need = Need.Raise(new NeedDraft(community.Id, title, description, address, null, null, channel, raiser, raiser is null ? staff : null, raiser is not null), category, at);
        Play(need, community.Id, staff, (end - at).TotalDays);
        return need;
    }

    /// <summary>Merges go into an open need of the same batch (one that is not saved yet).</summary>
    public void NewBatch() => _openInBatch.Clear();

    private void Play(Need need, Guid communityId, Guid staff, double ageDays)
    {
        var t = need.SubmittedAt;
        DateTime Later(double minHours, double maxHours) => t = Min(t.AddHours(minHours + (_random.NextDouble() * (maxHours - minHours))), end);
        var roll = _random.Next(100);
        // Cumulative shares of final states for old, recent and new needs: rated, resolved, in progress, responded, submitted, rejected, merged.
        int[] shares = ageDays > 60 ? [55, 70, 77, 81, 87, 95, 100] : ageDays > 15 ? [30, 55, 75, 85, 90, 96, 100] : [3, 18, 43, 63, 93, 97, 100];
        var state = Array.FindIndex(shares, s => roll < s);
        if (state == 6 && _openInBatch.TryGetValue(communityId, out var target) && target.IsOpen && target.Id != need.Id)
        {
            need.MergeInto(target, staff, Later(2, 72));
            return;
        }

        if (state is 5 or 6)
        {
            need.Reject(staff, Pick(Vocabulary.RejectReasons), Later(2, 72));
            return;
        }

        if (state == 4)
        {
            _openInBatch[communityId] = need;
            return;
        }

        need.Respond(staff, Pick(Vocabulary.Answers), Later(1, 30));
        if (state <= 2)
        {
            need.Start(staff, null, Later(1, 72));
        }

        if (state <= 1)
        {
            need.Resolve(staff, Pick(Vocabulary.Resolutions), Later(24, 24 * 20));
            if (state == 0 && need.RaiserId is { } raiser)
            {
                if (_random.Next(100) < 8)
                {
                    need.Rate(raiser, Satisfaction.Dissatisfied, Pick(Vocabulary.Comments), Later(12, 24 * 7));
                    need.Resolve(staff, Pick(Vocabulary.Resolutions), Later(24, 24 * 10));
                }

                need.Rate(raiser, _random.Next(4) == 0 ? Satisfaction.BasicallySatisfied : Satisfaction.Satisfied, Pick(Vocabulary.Comments), Later(12, 24 * 7));
            }
        }

        if (need.IsOpen)
        {
            _openInBatch[communityId] = need;
        }
    }

    private (string Title, string Description, string Address) Text(string category, string community)
    {
        var place = Pick(Vocabulary.Places);
        var building = _random.Next(1, 30);
        var title = _random.Next(3) switch
        {
            0 => $"{place}{Pick(Vocabulary.Titles[category])}",
            1 => $"{building} 栋{Pick(Vocabulary.Titles[category])}",
            _ => Pick(Vocabulary.Titles[category]),
        };
        var description = new StringBuilder();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var sentence = _random.Next(3) == 0 ? Pick(Vocabulary.Common) : Pick(Vocabulary.Sentences[category]);
            if (!description.ToString().Contains(sentence, StringComparison.Ordinal))
            {
                description.Append(sentence);
            }
        }

        if (_random.Next(4) == 0)
        {
            description.Append(CultureInfo.InvariantCulture, $"已经持续{_random.Next(2, 40)}天了。");
        }

        var address = _random.Next(2) == 0 ? $"{community} {building} 栋 {_random.Next(1, 6)} 单元" : $"{community}{place}";
        return (title, description.ToString(), address);
    }

    private int Pick(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
