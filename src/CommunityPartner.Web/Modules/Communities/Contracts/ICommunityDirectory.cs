namespace CommunityPartner.Web.Modules.Communities.Contracts;

/// <summary>What other modules may know about communities.</summary>
public interface ICommunityDirectory
{
    Task<CommunityInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);

    Task<CommunityInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CommunityInfo>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed record CommunityInfo(Guid Id, string Code, string Name, string? NameEn, string DistrictName, string DistrictNameEn, bool IsSample)
{
    /// <summary>The name in the current UI language (English falls back to Chinese when no English name is set).</summary>
    public string DisplayName =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;

    public string DistrictDisplayName =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? DistrictNameEn : DistrictName;
}
