using Indgang.Domain.Housing;
using Indgang.Domain.Municipalities;
using Indgang.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class HousingSiteConfiguration : IEntityTypeConfiguration<HousingSite>
{
    /// <summary>Column lengths, which PostgreSQL enforces: the pages that write a site check against them first.</summary>
    public const int NameLength = 200;

    public const int AddressLength = 300;

    public void Configure(EntityTypeBuilder<HousingSite> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(NameLength);
        builder.Property(s => s.Address).HasMaxLength(AddressLength);
        builder.Property(s => s.Kind).HasConversion<int>();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Town>().WithMany().HasForeignKey(s => s.TownId).OnDelete(DeleteBehavior.Restrict);
        // One site to a name, without regard to case (the unit import finds a site by its name so): the site pages check
        // it first; this holds it when two save the same name at the same moment. Each provider's context makes the
        // index disregard case (docs/decisions/0009-case-insensitive-names.md).
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class HousingUnitConfiguration : IEntityTypeConfiguration<HousingUnit>
{
    /// <summary>Column lengths, which PostgreSQL enforces: the unit form and the import check against them first.</summary>
    public const int LabelLength = 100;

    public const int BlockedReasonLength = 500;

    public void Configure(EntityTypeBuilder<HousingUnit> builder)
    {
        builder.Property(u => u.Label).HasMaxLength(LabelLength);
        builder.Property(u => u.MonthlyRent).HasPrecision(10, 2);
        builder.Property(u => u.Status).HasConversion<int>();
        builder.Property(u => u.BlockedReason).HasMaxLength(BlockedReasonLength);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Ignore(u => u.FreeBeds);
        builder.Ignore(u => u.IsUsable);
        builder.HasOne<HousingSite>().WithMany().HasForeignKey(u => u.SiteId).OnDelete(DeleteBehavior.Restrict);
        // One unit to a label on a site, without regard to case (the unit import reads "Pavillon D" and "pavillon d" as
        // one): the unit form and the import check it first; this holds it when two save at the same moment. Each
        // provider's context makes the index disregard case (docs/decisions/0009-case-insensitive-names.md).
        builder.HasIndex(u => new { u.SiteId, u.Label }).IsUnique();
    }
}

internal sealed class OccupancyConfiguration : IEntityTypeConfiguration<Occupancy>
{
    public void Configure(EntityTypeBuilder<Occupancy> builder)
    {
        builder.Ignore(o => o.IsCurrent);
        builder.Ignore(o => o.EndsTheWait);
        builder.Property(o => o.Destination).HasConversion<int?>();
        builder.HasOne<HousingUnit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(o => o.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.HouseholdId, o.MovedOutOn });
        // One home at a time: at most one stay per household without a move-out day. The moves check it first; this
        // holds it when two people move the same household at the same moment.
        builder.HasIndex(o => o.HouseholdId).IsUnique().HasFilter("\"MovedOutOn\" IS NULL").HasDatabaseName("IX_Occupancies_OneOpenStayPerHousehold");
    }
}

internal sealed class RentCapConfiguration : IEntityTypeConfiguration<RentCap>
{
    public void Configure(EntityTypeBuilder<RentCap> builder)
    {
        builder.Property(c => c.Category).HasConversion<int>();
        // The cap as read is the save's condition: a cap changed by another since is not overwritten unseen (RentCaps page).
        builder.Property(c => c.MonthlyCap).HasPrecision(10, 2).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Year, c.Category }).IsUnique();
    }
}

internal sealed class MunicipalQuotaConfiguration : IEntityTypeConfiguration<MunicipalQuota>
{
    public void Configure(EntityTypeBuilder<MunicipalQuota> builder)
    {
        builder.HasIndex(q => q.Year).IsUnique();
        // The quota as read is the save's condition: a quota changed by another since is not overwritten unseen (forecast page).
        builder.Property(q => q.Persons).IsConcurrencyToken();
    }
}

internal sealed class HousingRegistrationConfiguration : IEntityTypeConfiguration<HousingRegistration>
{
    /// <summary>Column lengths, which PostgreSQL enforces: the pipeline checks against them first.</summary>
    public const int AssociationLength = 200;

    public const int WaitingListNumberLength = 50;

    public void Configure(EntityTypeBuilder<HousingRegistration> builder)
    {
        builder.Property(r => r.Association).HasMaxLength(AssociationLength);
        builder.Property(r => r.WaitingListNumber).HasMaxLength(WaitingListNumberLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId);
        // The same registration sent twice at the same moment is saved once.
        builder.HasIndex(r => r.SubmissionToken).IsUnique();
    }
}

internal sealed class HousingOfferConfiguration : IEntityTypeConfiguration<HousingOffer>
{
    /// <summary>The column length, which PostgreSQL enforces: the pipeline checks against it first.</summary>
    public const int AddressLength = 300;

    public void Configure(EntityTypeBuilder<HousingOffer> builder)
    {
        builder.Property(o => o.Address).HasMaxLength(AddressLength);
        builder.Property(o => o.MonthlyRent).HasPrecision(10, 2);
        builder.Property(o => o.DeclineReason).HasMaxLength(HousingOffer.DeclineReasonLength);
        builder.Property(o => o.DestinationAgreedBefore).HasConversion<int?>();
        builder.Property(o => o.Status).HasConversion<int>();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(o => o.HouseholdId);
        // One accepted home per household: the pipeline checks it first; this holds it when two offers are accepted at
        // the same moment.
        builder.HasIndex(o => o.HouseholdId, "IX_HousingOffers_HouseholdId");
        builder.HasIndex(o => o.HouseholdId, "IX_HousingOffers_OneAcceptedPerHousehold").IsUnique().HasFilter($"\"Status\" = {(int)OfferStatus.Accepted}");
        // The same offer sent twice at the same moment is saved once.
        builder.HasIndex(o => o.SubmissionToken).IsUnique();
    }
}
