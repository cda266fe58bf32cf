using CommunityPartner.Tests.Platform.Architecture.Fixture.Modules.Beta.Contracts;

namespace CommunityPartner.Tests.Platform.Architecture.Fixture.Platform;

/// <summary>Platform code naming a module type (even a contract): a violation.</summary>
internal static class PlatformNamesAModule
{
    public static string Name() => typeof(BetaInfo).Name;
}
