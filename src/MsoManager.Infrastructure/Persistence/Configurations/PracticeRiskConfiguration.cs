using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Infrastructure.Persistence.Configurations;

internal sealed class PracticeRiskConfiguration : IEntityTypeConfiguration<PracticeRisk>
{
    public void Configure(EntityTypeBuilder<PracticeRisk> builder)
    {
        builder.HasKey(r => r.PracticeId);
        builder.Property(r => r.PracticeId).ValueGeneratedNever();
        builder.HasOne<Practice>().WithOne().HasForeignKey<PracticeRisk>(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.Summary);
        // The list sorts by score and filters on counts within a workspace; the refresher finds rows by date.
        builder.HasIndex(r => new { r.WorkspaceId, r.Score });
        builder.HasIndex(r => new { r.WorkspaceId, r.High });
        builder.HasIndex(r => new { r.WorkspaceId, r.EvaluatedOn });
        // A refresh that read the practice before a user's save must not overwrite the newer row.
        builder.IsVersioned();
    }
}
