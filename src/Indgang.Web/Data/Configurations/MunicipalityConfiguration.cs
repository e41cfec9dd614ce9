using Indgang.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    /// <summary>Column lengths, which PostgreSQL enforces: the organisation pages check against them first.</summary>
    public const int NameLength = 200;

    public const int CodeLength = 10;

    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(NameLength);
        builder.Property(m => m.Code).HasMaxLength(CodeLength);
        builder.HasMany(m => m.Towns).WithOne().HasForeignKey(t => t.MunicipalityId);
        builder.HasMany(m => m.Departments).WithOne().HasForeignKey(d => d.MunicipalityId);
        builder.Navigation(m => m.Towns).HasField("_towns");
        builder.Navigation(m => m.Departments).HasField("_departments");
    }
}

internal sealed class TownConfiguration : IEntityTypeConfiguration<Town>
{
    public const int NameLength = 200;

    public void Configure(EntityTypeBuilder<Town> builder) => builder.Property(t => t.Name).HasMaxLength(NameLength);
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
    }
}
