using Indgang.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Code).HasMaxLength(10);
        builder.HasMany(m => m.Towns).WithOne().HasForeignKey(t => t.MunicipalityId);
        builder.HasMany(m => m.Departments).WithOne().HasForeignKey(d => d.MunicipalityId);
        builder.Navigation(m => m.Towns).HasField("_towns");
        builder.Navigation(m => m.Departments).HasField("_departments");
    }
}

internal sealed class TownConfiguration : IEntityTypeConfiguration<Town>
{
    public void Configure(EntityTypeBuilder<Town> builder) => builder.Property(t => t.Name).HasMaxLength(200);
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Code).HasMaxLength(50);
        builder.HasIndex(d => d.Code).IsUnique();
    }
}
