namespace CommunityPartner.Web.Modules.Projects.Contracts;

/// <summary>Who stands behind an ask, as the public may see it: an organisation's name and page, or only "爱心人士" for an individual.</summary>
public sealed record Supporter(string Name, string? Link, bool IsIndividual);

/// <summary>
/// One ask's support: pledged (lines of signed cooperation intents pointing at it) and delivered (confirmed deliveries
/// against them). Yuan sums money and estimated values; hours sum service hours.
/// </summary>
public sealed record AskSupport(Guid AskId, long PledgedYuan, int PledgedHours, long DeliveredYuan, int DeliveredHours, IReadOnlyList<Supporter> Supporters);

/// <summary>
/// The project page's asked / pledged / delivered figures. Defined here and implemented by the cooperation module,
/// which owns intents and deliveries, so the project page can show them without depending on cooperation.
/// </summary>
public interface IProjectSupportFigures
{
    /// <summary>Support per ask id of the project (asks nobody pledged to are absent).</summary>
    Task<IReadOnlyDictionary<Guid, AskSupport>> ForProjectAsync(Guid projectId, CancellationToken ct);
}
