using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.StateRules;

namespace MsoManager.Infrastructure.Persistence.Configurations;

internal sealed class ShippedStateRuleConfiguration : IEntityTypeConfiguration<ShippedStateRule>
{
    public void Configure(EntityTypeBuilder<ShippedStateRule> builder)
    {
        builder.ToTable("ShippedStateRules");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(StateCode.MaxLength);
        builder.Property(r => r.FileHash).HasMaxLength(64).IsFixedLength();
        // The rule's fields as plain columns (no prefix): the row is the CSV row.
        builder.ComplexProperty(r => r.Rule, rule =>
        {
            rule.Property(r => r.State).HasStateCodeConversion().HasColumnName("State");
            rule.Property(r => r.StateName).HasMaxLength(Text.NameMaxLength).HasColumnName("StateName");
            rule.Property(r => r.Cpom).HasColumnName("Cpom");
            rule.Property(r => r.CpomConfidence).HasColumnName("CpomConfidence");
            rule.Property(r => r.PcOwnerCategory).HasColumnName("PcOwnerCategory");
            rule.Property(r => r.PcOwnerLicenses).HasEnumListConversion().HasColumnName("PcOwnerLicenses");
            rule.Property(r => r.PhysicianMinPercent).HasPrecision(Percentage.Precision, Percentage.Scale).HasColumnName("PhysicianMinPercent");
            rule.Property(r => r.PcOwnersConfidence).HasColumnName("PcOwnersConfidence");
            rule.Property(r => r.ProfessionalForms).HasEnumListConversion().HasColumnName("ProfessionalForms");
            rule.Property(r => r.ProfessionalFormsConfidence).HasColumnName("ProfessionalFormsConfidence");
            rule.Property(r => r.FeeSplitting).HasColumnName("FeeSplitting");
            rule.Property(r => r.FeeSplittingConfidence).HasColumnName("FeeSplittingConfidence");
            rule.Property(r => r.MedSpaNotes).HasColumnName("MedSpaNotes");
            rule.Property(r => r.MedSpaNotesConfidence).HasColumnName("MedSpaNotesConfidence");
            rule.Property(r => r.PcOwnersDetail).HasColumnName("PcOwnersDetail");
            rule.Property(r => r.EntityFormsDetail).HasColumnName("EntityFormsDetail");
            rule.Property(r => r.Sources).HasLinesConversion().HasColumnName("Sources");
            rule.Property(r => r.CompiledOn).HasColumnName("CompiledOn");
        });
    }
}

internal sealed class StateRuleCorrectionConfiguration : IEntityTypeConfiguration<StateRuleCorrection>
{
    public void Configure(EntityTypeBuilder<StateRuleCorrection> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.State).HasStateCodeConversion();
        // One correction per state and workspace; the source reads a workspace's corrections through it.
        builder.HasIndex(c => new { c.WorkspaceId, c.State }).IsUnique();
        builder.Property(c => c.PcOwnerLicenses).HasEnumListConversion();
        builder.Property(c => c.PhysicianMinPercent).HasPrecision(Percentage.Precision, Percentage.Scale);
        builder.Property(c => c.ProfessionalForms).HasEnumListConversion();
        builder.Property(c => c.MedSpaNotes).HasMaxLength(Text.FreeTextMaxLength);
        builder.Property(c => c.Reason).HasMaxLength(Text.FreeTextMaxLength);
        builder.Property(c => c.CorrectedByUserId).HasMaxLength(450);
        builder.Property(c => c.CorrectedByName).HasMaxLength(256);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.IsVersioned();
    }
}
