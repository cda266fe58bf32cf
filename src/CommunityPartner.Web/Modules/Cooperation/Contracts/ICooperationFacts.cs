namespace CommunityPartner.Web.Modules.Cooperation.Contracts;

/// <summary>
/// A community's partner pipeline in a period: offers submitted (draft offers never count), cooperation intents
/// signed by both sides, and intents that had a delivery confirmed by the community, with the confirmed value.
/// </summary>
public sealed record PipelineCount(Guid CommunityId, int Offers, int Intents, int Delivered, long DeliveredYuan);

/// <summary>Reads cooperation as counts for accounts of what got done (the district dashboard). Read-only.</summary>
public interface ICooperationFacts
{
    /// <summary>Per community with anything in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    Task<IReadOnlyList<PipelineCount>> PipelineAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
