namespace CommunityPartner.Tests.Platform.Architecture.Fixture.Modules.Beta.Contracts;

/// <summary>Fabricated module contract, for the architecture test's self-check.</summary>
public sealed record BetaInfo(int Value);
