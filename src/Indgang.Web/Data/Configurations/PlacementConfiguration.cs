using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Features.Housing.Placement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class PlacementRunConfiguration : IEntityTypeConfiguration<PlacementRun>
{
    public void Configure(EntityTypeBuilder<PlacementRun> builder) => builder.Property(r => r.CreatedBy).HasMaxLength(256);
}

internal sealed class PlacementDecisionConfiguration : IEntityTypeConfiguration<PlacementDecision>
{
    /// <summary>The column length, which PostgreSQL enforces: the run page checks an override's reason against it first.</summary>
    public const int ReasonLength = 1000;

    public void Configure(EntityTypeBuilder<PlacementDecision> builder)
    {
        builder.Property(d => d.Kind).HasConversion<int>();
        builder.Property(d => d.Reason).HasMaxLength(ReasonLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
        builder.HasOne<PlacementRun>().WithMany().HasForeignKey(d => d.RunId);
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HousingUnit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlacementWeightsVersionConfiguration : IEntityTypeConfiguration<PlacementWeightsVersion>
{
    public void Configure(EntityTypeBuilder<PlacementWeightsVersion> builder)
    {
        builder.Property(w => w.ChangedBy).HasMaxLength(256);
        builder.HasIndex(w => w.VersionNumber).IsUnique();
    }
}
