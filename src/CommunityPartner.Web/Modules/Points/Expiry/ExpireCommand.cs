using CommunityPartner.Web.Platform.Data;

namespace CommunityPartner.Web.Modules.Points.Expiry;

/// <summary><c>dotnet run -- points expire</c>: expires due points and sends the month-ahead warnings, for a scheduler outside the app.</summary>
internal sealed class ExpireCommand(PointsExpiry expiry) : IAppCommand
{
    public string Name => "points expire";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var expired = await expiry.ExpireDueAsync(cancellationToken);
        var warned = await expiry.WarnAsync(cancellationToken);
        Console.WriteLine(FormattableString.Invariant($"Expired points on {expired} account(s); warned {warned} resident(s)."));
        return 0;
    }
}
