using Indgang.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Action).HasConversion<int>();
        builder.Property(e => e.Purpose).HasMaxLength(500);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.ChainScheme).HasConversion<int>();
        builder.HasIndex(e => new { e.SubjectPersonId, e.OccurredAt });
    }
}
