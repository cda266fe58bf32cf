using CommunityPartner.Web.Modules;
using CommunityPartner.Web.Platform;
using CommunityPartner.Web.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services.AddModules();

var app = builder.Build();

// `dotnet run -- migrate` and `dotnet run -- seed-demo` are the production data commands.
if (await AppCommands.TryRunAsync(app, args))
{
    return;
}

await AppCommands.PrepareDatabaseAsync(app);
app.UsePlatform();
app.MapModules();
await app.RunAsync();

/// <summary>Visible to the test host.</summary>
public partial class Program;
