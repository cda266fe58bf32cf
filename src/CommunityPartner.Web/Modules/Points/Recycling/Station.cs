namespace CommunityPartner.Web.Modules.Points.Recycling;

/// <summary>A green station (绿色驿站) where residents drop off recycling for points, paid from its community's pool.</summary>
public sealed class Station
{
    public const int NameMax = 40;

    private Station()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Station Create(Guid communityId, string name, DateTime now) =>
        new() { Id = Guid.NewGuid(), CommunityId = communityId, Name = name, CreatedAt = now };
}

/// <summary>The station's rate for one category of recycling: points per kilogram.</summary>
public sealed class StationRate
{
    public const int CategoryMax = 30;
    public const long PointsPerKgMax = 1_000;

    private StationRate()
    {
    }

    public Guid StationId { get; private set; }

    /// <summary>A code such as "paper", "plastic", "metal".</summary>
    public string Category { get; private set; } = "";

    public string Name { get; private set; } = "";

    public long PointsPerKg { get; private set; }

    public static StationRate Create(Guid stationId, string category, string name, long pointsPerKg) =>
        new() { StationId = stationId, Category = category, Name = name, PointsPerKg = pointsPerKg };

    public void Change(string name, long pointsPerKg)
    {
        Name = name;
        PointsPerKg = pointsPerKg;
    }

    /// <summary>Whole points for a weight, rounded down.</summary>
    public long PointsFor(int weightGrams) => weightGrams * PointsPerKg / 1000;
}

/// <summary>A person who runs the station's counter and records drop-offs.</summary>
public sealed class StationOperator
{
    private StationOperator()
    {
    }

    public Guid StationId { get; private set; }

    public Guid UserId { get; private set; }

    public static StationOperator Of(Guid stationId, Guid userId) => new() { StationId = stationId, UserId = userId };
}

/// <summary>One recorded drop-off and the points it earned (the transfer's reference).</summary>
public sealed class Dropoff
{
    private Dropoff()
    {
    }

    public Guid Id { get; private set; }

    public Guid StationId { get; private set; }

    public Guid ResidentId { get; private set; }

    public string Category { get; private set; } = "";

    public int WeightGrams { get; private set; }

    public long Points { get; private set; }

    public Guid OperatorId { get; private set; }

    public DateTime At { get; private set; }

    public static Dropoff Record(Guid stationId, Guid residentId, string category, int weightGrams, long points, Guid operatorId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        StationId = stationId,
        ResidentId = residentId,
        Category = category,
        WeightGrams = weightGrams,
        Points = points,
        OperatorId = operatorId,
        At = now,
    };
}
