using Indgang.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    /// <summary>Column lengths, which PostgreSQL enforces: the organisation pages check against them first.</summary>
    public const int NameLength = 200;

    public const int CodeLength = 10;

    /// <summary>
    /// A column (no property of the municipality) that every row holds as 1, unique: so the database keeps the one
    /// municipality an installation serves, also when two administrators create it at the same moment.
    /// </summary>
    public const string Singleton = "Singleton";

    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(NameLength);
        builder.Property(m => m.Code).HasMaxLength(CodeLength);
        // Left out of the insert (0 is its unset value), the database's default puts 1 in it; the check refuses any other.
        builder.Property<int>(Singleton).HasDefaultValue(1);
        builder.HasIndex(Singleton).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Municipalities_Singleton", $"\"{Singleton}\" = 1"));
        builder.HasMany(m => m.Towns).WithOne().HasForeignKey(t => t.MunicipalityId);
        builder.HasMany(m => m.Departments).WithOne().HasForeignKey(d => d.MunicipalityId);
        builder.Navigation(m => m.Towns).HasField("_towns");
        builder.Navigation(m => m.Departments).HasField("_departments");
    }
}

internal sealed class TownConfiguration : IEntityTypeConfiguration<Town>
{
    public const int NameLength = 200;

    public void Configure(EntityTypeBuilder<Town> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(NameLength);
        // One town to a name, without regard to case: the town page checks it first; this holds it when two save the
        // same name at the same moment. Each provider's context makes the index disregard case
        // (docs/decisions/0009-case-insensitive-names.md).
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public const int NameLength = 200;

    public const int CodeLength = 50;

    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(NameLength);
        builder.Property(d => d.Code).HasMaxLength(CodeLength);
        builder.HasIndex(d => d.Code).IsUnique();
        // One department to a name, without regard to case, as to a code: the department page checks it first; this
        // holds it when two save the same name at the same moment. Each provider's context makes the index disregard
        // case (docs/decisions/0009-case-insensitive-names.md).
        builder.HasIndex(d => d.Name).IsUnique();
    }
}
