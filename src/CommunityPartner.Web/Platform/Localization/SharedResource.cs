namespace CommunityPartner.Web.Platform.Localization;

/// <summary>
/// Marker for the one resource set of the app. Keys are the Chinese text itself (zh-CN is the default and needs no
/// file); <c>Resources/SharedResource.en.resx</c> holds the English.
/// </summary>
public sealed class SharedResource;
