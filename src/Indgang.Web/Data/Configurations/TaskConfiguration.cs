using Indgang.Domain.Housing;
using Indgang.Domain.Municipalities;
using Indgang.Domain.People;
using Indgang.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> builder)
    {
        builder.Property(t => t.Type).HasConversion<int>();
        builder.Property(t => t.Status).HasConversion<int>();
        builder.Property(t => t.Title).HasMaxLength(CaseTask.TitleLength);
        builder.Property(t => t.AssigneeUserId).HasMaxLength(450);
        builder.Property(t => t.ClosedByUserId).HasMaxLength(450);
        builder.Property(t => t.NotNeededReason).HasMaxLength(CaseTask.NotNeededReasonLength);
        builder.Property(t => t.NotNeededMessage).AsJson();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsClosed);
        builder.HasOne<Household>().WithMany().HasForeignKey(t => t.HouseholdId);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // A stay is removed only when its move-in is called off (it never began): its move-in tasks, closed, keep no tie.
        builder.HasOne<Occupancy>().WithMany().HasForeignKey(t => t.OccupancyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => new { t.DepartmentId, t.Status, t.DueDate });
        builder.HasIndex(t => t.HouseholdId);
    }
}

internal sealed class ResponsibilityConfiguration : IEntityTypeConfiguration<Responsibility>
{
    public void Configure(EntityTypeBuilder<Responsibility> builder)
    {
        builder.HasKey(r => r.TaskType);
        builder.Property(r => r.TaskType).HasConversion<int>().ValueGeneratedNever();
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
