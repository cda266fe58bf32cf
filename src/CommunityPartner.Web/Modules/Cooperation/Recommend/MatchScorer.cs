using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Web.Modules.Cooperation.Recommend;

/// <summary>A partner as matching sees it: strengths, communities served, verified, and its record of signed lines.</summary>
public sealed record FitPartner(
    Guid Id, string Name, bool IsVerified, IReadOnlyList<string> Strengths, IReadOnlyList<Guid> Communities, int LinesPledged, int LinesDelivered);

/// <summary>A project as matching sees it: its community and its asks.</summary>
public sealed record FitProject(Guid Id, string Title, Guid CommunityId, IReadOnlyList<ProjectAsk> Asks);

/// <summary>
/// One reason of a fit, machine-readable. Codes: <c>strengths</c> (args: the strength codes that help),
/// <c>asks</c> (args: the titles of the asks they help with), <c>serves_community</c> (args: the community id),
/// <c>record</c> (args: lines delivered, lines pledged), <c>no_record</c>, <c>verified</c>, <c>not_verified</c>.
/// </summary>
public sealed record MatchReason(string Code, IReadOnlyList<string> Args, int Points);

public sealed record Fit(int Score, IReadOnlyList<MatchReason> Reasons, IReadOnlyList<Guid> AskIds)
{
    /// <summary>Worth listing: it helps with an ask or serves the project's community.</summary>
    public bool Fits => Reasons.Any(r => r.Code is "asks" or "serves_community");
}

/// <summary>Scores a partner against a project with <see cref="MatchWeights"/>; pure and deterministic.</summary>
public static class MatchScorer
{
    public static Fit Score(FitPartner partner, FitProject project)
    {
        var reasons = new List<MatchReason>();
        var helping = new List<string>();
        var asks = new List<ProjectAsk>();
        var askPoints = 0;
        foreach (var ask in project.Asks)
        {
            var strengths = partner.Strengths.Where(s => MatchWeights.Helps(s, ask.Kind, ask.Title)).ToList();
            if (strengths.Count == 0)
            {
                continue;
            }

            asks.Add(ask);
            helping.AddRange(strengths.Where(s => !helping.Contains(s)));
            askPoints += MatchWeights.PerAsk + (ask.IsKey ? MatchWeights.KeyAsk : 0);
        }

        if (asks.Count > 0)
        {
            reasons.Add(new MatchReason("strengths", [.. helping], 0));
            reasons.Add(new MatchReason("asks", [.. asks.Select(a => a.Title)], askPoints));
        }

        if (partner.Communities.Contains(project.CommunityId))
        {
            reasons.Add(new MatchReason("serves_community", [project.CommunityId.ToString()], MatchWeights.ServesCommunity));
        }

        reasons.Add(partner.LinesPledged > 0
            ? new MatchReason("record", [partner.LinesDelivered.ToString(System.Globalization.CultureInfo.InvariantCulture), partner.LinesPledged.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                MatchWeights.RecordMax * Math.Min(partner.LinesDelivered, partner.LinesPledged) / partner.LinesPledged)
            : new MatchReason("no_record", [], 0));
        reasons.Add(partner.IsVerified ? new MatchReason("verified", [], MatchWeights.Verified) : new MatchReason("not_verified", [], 0));
        return new Fit(reasons.Sum(r => r.Points), reasons, [.. asks.Select(a => a.Id)]);
    }

    /// <summary>Partners that fit the project, best first; ties by name (ordinal), then id.</summary>
    public static IReadOnlyList<(FitPartner Partner, Fit Fit)> RankPartners(FitProject project, IEnumerable<FitPartner> partners) =>
        [.. partners.Select(p => (Partner: p, Fit: Score(p, project))).Where(x => x.Fit.Fits)
            .OrderByDescending(x => x.Fit.Score).ThenBy(x => x.Partner.Name, StringComparer.Ordinal).ThenBy(x => x.Partner.Id)
            .Take(MatchWeights.Limit)];

    /// <summary>Projects the partner fits, best first; ties by title (ordinal), then id.</summary>
    public static IReadOnlyList<(FitProject Project, Fit Fit)> RankProjects(FitPartner partner, IEnumerable<FitProject> projects) =>
        [.. projects.Select(p => (Project: p, Fit: Score(partner, p))).Where(x => x.Fit.Fits)
            .OrderByDescending(x => x.Fit.Score).ThenBy(x => x.Project.Title, StringComparer.Ordinal).ThenBy(x => x.Project.Id)
            .Take(MatchWeights.Limit)];
}
