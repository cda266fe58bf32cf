using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Points.Recycling;

public sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> builder)
    {
        builder.ToTable("points_stations");
        builder.Property(x => x.Name).HasMaxLength(Station.NameMax);
        builder.HasIndex(x => x.CommunityId);
    }
}

public sealed class StationRateConfiguration : IEntityTypeConfiguration<StationRate>
{
    public void Configure(EntityTypeBuilder<StationRate> builder)
    {
        builder.ToTable("points_station_rates", t => t.HasCheckConstraint("ck_points_station_rates_points", "\"PointsPerKg\" > 0"));
        builder.HasKey(x => new { x.StationId, x.Category });
        builder.Property(x => x.Category).HasMaxLength(StationRate.CategoryMax);
        builder.Property(x => x.Name).HasMaxLength(StationRate.CategoryMax);
        builder.HasOne<Station>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StationOperatorConfiguration : IEntityTypeConfiguration<StationOperator>
{
    public void Configure(EntityTypeBuilder<StationOperator> builder)
    {
        builder.ToTable("points_station_operators");
        builder.HasKey(x => new { x.StationId, x.UserId });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Station>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DropoffConfiguration : IEntityTypeConfiguration<Dropoff>
{
    public void Configure(EntityTypeBuilder<Dropoff> builder)
    {
        builder.ToTable("points_dropoffs", t => t.HasCheckConstraint("ck_points_dropoffs_weight", "\"WeightGrams\" > 0 AND \"Points\" > 0"));
        builder.Property(x => x.Category).HasMaxLength(StationRate.CategoryMax);
        builder.HasIndex(x => new { x.StationId, x.At });
        builder.HasIndex(x => new { x.ResidentId, x.At });
        builder.HasOne<Station>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
