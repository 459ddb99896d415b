using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        // One chain per workspace: a second writer of the same sequence number fails instead of forking it.
        builder.HasIndex(e => new { e.WorkspaceId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.WorkspaceId, e.PracticeId, e.Sequence });
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.RecordType).HasMaxLength(AuditEvent.RecordTypeMaxLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditEvent.HashLength).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(AuditEvent.HashLength).IsFixedLength();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
