using Indgang.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.FirstName).HasMaxLength(Person.NameLength);
        builder.Property(p => p.LastName).HasMaxLength(Person.NameLength);
        builder.Property(p => p.Nationality).HasMaxLength(Person.NationalityLength);
        // Stored as its ten digits; the CPR number is data about the person, never a key.
        builder.Property(p => p.Cpr)
            .HasConversion(cpr => cpr == null ? null : cpr.Digits, digits => digits == null ? null : CprNumber.Parse(digits))
            .HasMaxLength(10);
        builder.Ignore(p => p.FullName);
        builder.Property(p => p.Basis).HasConversion<int>();
        builder.Property(p => p.Languages).HasMaxLength(Person.LanguagesLength);
        builder.Property(p => p.Day0OverrideReason).HasMaxLength(Person.Day0OverrideReasonLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.LastName, p.FirstName, p.BirthDate });
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(Household.NameLength);
        builder.Property(h => h.CoordinatorUserId).HasMaxLength(450);
        builder.HasIndex(h => h.CoordinatorUserId);
        // The same registration sent twice at the same moment creates one household.
        builder.HasIndex(h => h.SubmissionToken).IsUnique();
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasMany(h => h.Members).WithOne().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.Relations).WithOne().HasForeignKey(r => r.HouseholdId);
        builder.Navigation(h => h.Members).HasField("_members");
        builder.Navigation(h => h.Relations).HasField("_relations");
    }
}

internal sealed class HouseholdRelationConfiguration : IEntityTypeConfiguration<HouseholdRelation>
{
    public void Configure(EntityTypeBuilder<HouseholdRelation> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.FromPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ToPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
