using Indgang.Web.Features.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class LocalTargetEntryConfiguration : IEntityTypeConfiguration<LocalTargetEntry>
{
    public void Configure(EntityTypeBuilder<LocalTargetEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.Source).HasMaxLength(LocalTargetEntry.SourceLength);
        builder.Property(e => e.ChangedBy).HasMaxLength(256);
        builder.Ignore(e => e.Period);
        builder.HasIndex(e => new { e.Kind, e.VersionNumber }).IsUnique();
    }
}

internal sealed class DeadlineCompletionConfiguration : IEntityTypeConfiguration<Indgang.Domain.Deadlines.DeadlineCompletion>
{
    public void Configure(EntityTypeBuilder<Indgang.Domain.Deadlines.DeadlineCompletion> builder)
    {
        builder.Property(c => c.Kind).HasConversion<int>();
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
        builder.HasOne<Indgang.Domain.People.Person>().WithMany().HasForeignKey(c => c.PersonId);
        builder.HasIndex(c => new { c.PersonId, c.Kind }).IsUnique();
    }
}
