using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Infrastructure.Persistence.Configurations;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(p => p.PrimaryState).HasStateCodeConversion();
        builder.Property(p => p.Notes).HasMaxLength(Text.FreeTextMaxLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // The practice list pages by name then id within a workspace.
        builder.HasIndex(p => new { p.WorkspaceId, p.Name, p.Id });
        builder.Ignore(p => p.StatesOfOperation);

        builder.HasMany(p => p.Locations).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Entities).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.People).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Organizations).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Stakes).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Agreements).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.FinancialMonths).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SetupTasks).WithOne().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { "Locations", "Entities", "People", "Organizations", "Stakes", "Agreements", "FinancialMonths", "SetupTasks" })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        builder.IsVersioned();
    }
}
