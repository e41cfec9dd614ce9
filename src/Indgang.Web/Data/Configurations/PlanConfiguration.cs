using Indgang.Domain.Journal;
using Indgang.Domain.Municipalities;
using Indgang.Domain.Notifications;
using Indgang.Domain.People;
using Indgang.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
        builder.HasIndex(p => p.PersonId).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.ExtensionReason).HasMaxLength(Plan.ExtensionReasonLength);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PlanId);
        builder.Navigation(p => p.Versions).HasField("_versions");
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.Property(v => v.AuthorUserId).HasMaxLength(450);
        builder.Property(v => v.AuthorName).HasMaxLength(200);
        builder.Ignore(v => v.Content);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }
}

internal sealed class IntegrationContractConfiguration : IEntityTypeConfiguration<IntegrationContract>
{
    public void Configure(EntityTypeBuilder<IntegrationContract> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
        builder.HasIndex(c => c.PersonId).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.CompletedOn);
    }
}

internal sealed class JournalNoteConfiguration : IEntityTypeConfiguration<JournalNote>
{
    public void Configure(EntityTypeBuilder<JournalNote> builder)
    {
        builder.Property(n => n.AuthorUserId).HasMaxLength(450);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(JournalNote.TextLength);
        builder.HasOne<Household>().WithMany().HasForeignKey(n => n.HouseholdId);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JournalNote>().WithMany().HasForeignKey(n => n.CorrectsNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(n => n.AuthorDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.HouseholdId, n.WrittenAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextLength);
        builder.Property(n => n.Message).AsJson();
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.HasIndex(n => n.DedupKey).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
        builder.HasIndex(n => new { n.DepartmentId, n.CreatedAt });
    }
}
