using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.EndToEndTests.Infrastructure;

/// <summary>
/// The same test host as the integration tests (SQLite, fake clock, Warning logs), but on a real loopback port so a
/// real browser can reach it. Port 0 lets the OS pick a free one, so parallel runs never collide.
/// </summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory()
        : base(DatabaseProvider.Sqlite) => UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:40123/. Valid after <see cref="StartAsync"/>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public async Task StartAsync()
    {
        await InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");

        // Clients made for test data (TestData.ApiClientAsync) take their address from here, not http://localhost.
        ClientOptions.BaseAddress = BaseAddress;
    }
}
