using CommunityPartner.Web.Modules.Needs.Contracts;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>
/// What the Needs module's tallies count for the bill (ADR 0014): each need figure by <see cref="BillRules.Counts(BillFigure, NeedFact)"/>,
/// and the response and resolution durations as <see cref="BillRules"/> takes them, per minute. Change
/// <see cref="Version"/> whenever <see cref="BillRules"/> changes what it counts: kept tallies of another version are recounted.
/// </summary>
public sealed class BillTallyRules : INeedTallyRules
{
    public const string Response = "response";
    public const string Resolution = "resolution";

    public string Version => "bill-1";

    public NeedTallyCell Tally(Guid communityId, int year, int month, IReadOnlyCollection<NeedFact> facts) => Of(communityId, year, month, facts);

    /// <summary>The bill reads of a histogram's minutes those of its median's hour(s) only (<see cref="BillRules.MedianHours"/>).</summary>
    public IReadOnlyList<int> HoursRead(IReadOnlyCollection<MinuteHistogram> histograms) => BillRules.MedianHours(histograms);

    public static NeedTallyCell Of(Guid communityId, int year, int month, IReadOnlyCollection<NeedFact> facts) => new(
        communityId,
        year,
        month,
        Enum.GetValues<BillFigure>().Where(f => !BillRules.IsAboutProjects(f)).ToDictionary(BillText.Code, f => facts.Count(n => BillRules.Counts(f, n))),
        new Dictionary<string, MinuteHistogram>
        {
            [Response] = MinuteHistogram.Of(BillRules.ResponseMinutes(facts)),
            [Resolution] = MinuteHistogram.Of(BillRules.ResolutionMinutes(facts)),
        });
}
