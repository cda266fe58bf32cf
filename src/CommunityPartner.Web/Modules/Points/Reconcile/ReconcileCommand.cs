using System.Globalization;
using CommunityPartner.Web.Platform.Data;

namespace CommunityPartner.Web.Modules.Points.Reconcile;

/// <summary><c>dotnet run -- points reconcile</c>: prints the report; exits 1 when the ledger has any break.</summary>
internal sealed class ReconcileCommand(Reconciliation reconciliation) : IAppCommand
{
    public string Name => "points reconcile";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var r = await reconciliation.RunAsync(cancellationToken);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"accounts {r.Accounts}, transfers {r.Transfers}"));
        Console.WriteLine(string.Create(c, $"issued {r.Issued}, redeemed {r.Redeemed}, expired {r.Expired}"));
        Console.WriteLine(string.Create(c, $"residents {r.ResidentBalances}, held {r.HeldBalances}, merchants {r.MerchantBalances}, pools {r.PoolBalances}, total {r.TotalOfBalances}"));
        foreach (var b in r.Breaks)
        {
            Console.WriteLine("BREAK: " + b);
        }

        Console.WriteLine(r.IsClean ? "Ledger reconciles." : string.Create(c, $"{r.Breaks.Count} break(s) found."));
        return r.IsClean ? 0 : 1;
    }
}
