using CommunityPartner.Web.Modules.Communities.Contracts;

namespace CommunityPartner.Web.Modules.Communities.ListCommunities;

public static class ListCommunitiesEndpoint
{
    public sealed record CommunityDto(string Code, string Name, string? NameEn, string District, bool IsSample)
    {
        public static CommunityDto From(CommunityInfo c) => new(c.Code, c.Name, c.NameEn, c.DistrictName, c.IsSample);
    }

    public static RouteGroupBuilder MapListCommunities(this RouteGroupBuilder api)
    {
        api.MapGet("/communities", async (ICommunityDirectory directory, CancellationToken ct) =>
        {
            var list = await directory.ListAsync(ct);
            return TypedResults.Ok(list.Select(CommunityDto.From).ToList());
        })
        .WithName("ListCommunities")
        .WithSummary("All communities of the district (public).")
        .WithTags("Communities");
        return api;
    }
}
