namespace CommunityPartner.Web.Platform.Data;

/// <summary>A module's contribution to the demo data. Must be idempotent: running it twice changes nothing.</summary>
public interface IDemoSeed
{
    /// <summary>Lower runs first (communities before accounts before needs...).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Runs every module's demo seed in order.</summary>
public sealed class DemoSeeder(IEnumerable<IDemoSeed> seeds, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var seed in seeds.OrderBy(s => s.Order))
        {
            logger.LogInformation("Seeding demo data: {Seed}", seed.GetType().Name);
            await seed.SeedAsync(cancellationToken);
        }
    }
}
