using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Infrastructure.Persistence.Configurations;

/// <summary>What every record inside a practice maps the same way: its id, its key unique in the practice.</summary>
internal static class PracticeRecordMapping
{
    /// <summary>Maps the common columns; the key is unique in the practice unless <paramref name="keyUniqueWithin"/> names a narrower list.</summary>
    public static void MapRecord<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, object?>>? keyUniqueWithin = null)
        where T : PracticeRecord
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(RecordKey.MaxLength);
        builder.HasIndex(r => r.WorkspaceId);
        builder.HasIndex(keyUniqueWithin ?? (r => new { r.PracticeId, r.Key })).IsUnique();
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.MapRecord();
        builder.Property(r => r.Street).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.City).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.State).HasStateCodeConversion();
        builder.Property(r => r.Zip).HasMaxLength(Location.ZipMaxLength);
    }
}

internal sealed class LegalEntityConfiguration : IEntityTypeConfiguration<LegalEntity>
{
    public void Configure(EntityTypeBuilder<LegalEntity> builder)
    {
        builder.MapRecord();
        builder.Property(r => r.LegalName).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.Dba).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.StateOfFormation).HasStateCodeConversion();
        builder.Property(r => r.Ein).HasEinConversion();
        builder.Property(r => r.RegisteredAgent).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(Text.FreeTextMaxLength);
        builder.Ignore(r => r.IsLive);
        builder.Ignore(r => r.IsProfessional);
        builder.Ignore(r => r.DisplayName);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.MapRecord();
        builder.Property(r => r.Name).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.Email).HasMaxLength(Text.EmailMaxLength);
        builder.Property(r => r.Phone).HasMaxLength(Person.PhoneMaxLength);
        builder.HasMany(r => r.Licenses).WithOne().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Roles).WithOne().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Licenses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Roles).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public void Configure(EntityTypeBuilder<License> builder)
    {
        builder.MapRecord(r => new { r.PersonId, r.Key });
        builder.Property(r => r.State).HasStateCodeConversion();
        builder.Property(r => r.Number).HasMaxLength(License.NumberMaxLength);
        builder.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class EntityRoleConfiguration : IEntityTypeConfiguration<EntityRole>
{
    public void Configure(EntityTypeBuilder<EntityRole> builder)
    {
        builder.MapRecord(r => new { r.PersonId, r.Key });
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(r => r.EntityId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.MapRecord();
        builder.Property(r => r.Name).HasMaxLength(Text.NameMaxLength);
    }
}

internal sealed class OwnershipStakeConfiguration : IEntityTypeConfiguration<OwnershipStake>
{
    public void Configure(EntityTypeBuilder<OwnershipStake> builder)
    {
        builder.MapRecord();
        builder.Property(r => r.Percent).HasPercentageConversion();
        builder.Ignore(r => r.OwnerId);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(r => r.EntityId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.OwnerPersonId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OwnerOrganizationId).OnDelete(DeleteBehavior.NoAction);
        builder.ToTable(t => t.HasCheckConstraint("CK_OwnershipStakes_OneOwner",
            "(\"OwnerPersonId\" IS NULL) <> (\"OwnerOrganizationId\" IS NULL)"));
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.MapRecord();
        builder.Property(r => r.Title).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.Terms).HasTermsConversion();
        builder.Ignore(r => r.IsMsa);
        builder.Ignore(r => r.OutsideReview);
        builder.Property(r => r.OutsideReviewCounsel).HasMaxLength(OutsideReview.CounselMaxLength);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(r => r.ManagementCompanyId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(r => r.ProfessionalEntityId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.Terms).HasTermsConversion();
        builder.HasIndex(r => new { r.AgreementId, r.Number }).IsUnique();
        builder.HasIndex(r => r.WorkspaceId);
        builder.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class FinancialMonthConfiguration : IEntityTypeConfiguration<FinancialMonth>
{
    public void Configure(EntityTypeBuilder<FinancialMonth> builder)
    {
        builder.MapRecord();
        builder.HasIndex(r => new { r.EntityId, r.Month }).IsUnique();
        builder.Property(r => r.Month).HasYearMonthConversion();
        builder.Property(r => r.Collections).HasMoneyConversion();
        builder.Property(r => r.ClinicalExpenses).HasMoneyConversion();
        builder.Property(r => r.ManagementFeePaid).HasMoneyConversion();
        builder.Ignore(r => r.Margin);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(r => r.EntityId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class SetupTaskConfiguration : IEntityTypeConfiguration<SetupTask>
{
    public void Configure(EntityTypeBuilder<SetupTask> builder)
    {
        builder.MapRecord();
        builder.Property(r => r.Title).HasMaxLength(Text.NameMaxLength);
        builder.Property(r => r.Owner).HasMaxLength(Text.NameMaxLength);
        builder.Ignore(r => r.IsOpen);
    }
}
