using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(w => w.TimeZone).HasMaxLength(WorkspaceTimeZone.IdMaxLength).HasDefaultValue(WorkspaceTimeZone.Utc);
        builder.HasMany(w => w.Members).WithOne().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.IsVersioned();
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasIndex(m => new { m.WorkspaceId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.PrimitiveCollection<List<Guid>>("_scopedPracticeIds").HasColumnName("ScopedPracticeIds");
        builder.Ignore(m => m.Scope);
        builder.IsVersioned();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(Text.EmailMaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.WorkspaceId, i.Email });
        builder.PrimitiveCollection<List<Guid>>("_scopedPracticeIds").HasColumnName("ScopedPracticeIds");
        builder.Ignore(i => i.Scope);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
