using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;

namespace MsoManager.Infrastructure.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.IsVersioned();
        builder.Property(r => r.AttorneyUserId).HasMaxLength(450);
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450);
        builder.Property(r => r.AttorneyName).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.RequestedByName).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.Message).HasMaxLength(Review.MessageMaxLength);
        builder.Property(r => r.DecisionReason).HasMaxLength(Review.ReasonMaxLength);
        builder.Property(r => r.WithdrawnByName).HasMaxLength(Text.NameMaxLength);
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.Unassessed);
        builder.Ignore(r => r.ConcernsWithoutNote);
        builder.HasIndex(r => new { r.WorkspaceId, r.AttorneyUserId, r.Status });
        builder.HasIndex(r => new { r.WorkspaceId, r.RequestedByUserId });

        // One open review per agreement, enforced by the database as well as the domain.
        builder.HasIndex(r => r.AgreementId).IsUnique().HasFilter($"\"{nameof(Review.Status)}\" = '{nameof(ReviewStatus.Open)}'")
            .HasDatabaseName("IX_Reviews_AgreementId_Open");
        builder.HasIndex(r => r.AgreementId);
        builder.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Checklist).WithOne().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Checklist).HasField("_checklist").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewChecklistItemConfiguration : IEntityTypeConfiguration<ReviewChecklistItem>
{
    public void Configure(EntityTypeBuilder<ReviewChecklistItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Note).HasMaxLength(Text.FreeTextMaxLength);
        builder.Ignore(i => i.Title);
        builder.HasIndex(i => new { i.ReviewId, i.Code }).IsUnique();
        builder.HasIndex(i => i.WorkspaceId);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AuthorUserId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(Text.NameMaxLength);
        builder.Property(c => c.ResolvedByName).HasMaxLength(Text.NameMaxLength);
        builder.Property(c => c.Text).HasMaxLength(ReviewComment.MaxLength);
        builder.Ignore(c => c.IsThreadStart);
        builder.Ignore(c => c.IsResolved);
        builder.HasIndex(c => new { c.ReviewId, c.CreatedAt });
        builder.HasIndex(c => c.WorkspaceId);
    }
}
