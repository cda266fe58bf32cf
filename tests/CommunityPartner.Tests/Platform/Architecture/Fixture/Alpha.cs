using CommunityPartner.Tests.Platform.Architecture.Fixture.Modules.Beta;
using CommunityPartner.Tests.Platform.Architecture.Fixture.Modules.Beta.Contracts;

namespace CommunityPartner.Tests.Platform.Architecture.Fixture.Modules.Alpha;

/// <summary>Uses Beta's internals only inside a method body: a violation only an IL scan sees.</summary>
internal static class AlphaPeeksInside
{
    public static int Peek() => new BetaSecret().Value + 1;

    public static async Task<int> PeekAsync()
    {
        await Task.Yield();
        return new BetaSecret().Value;
    }
}

/// <summary>Uses Beta through its contract: allowed.</summary>
internal sealed class AlphaUsesContract(BetaInfo info)
{
    public BetaInfo Info { get; } = info;
}
