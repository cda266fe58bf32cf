namespace CommunityPartner.Tests.Platform.Architecture.Fixture.Modules.Beta;

/// <summary>Fabricated module internals, for the architecture test's self-check.</summary>
internal sealed class BetaSecret
{
    public int Value { get; } = 42;
}
