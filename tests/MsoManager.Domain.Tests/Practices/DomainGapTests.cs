using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

/// <summary>Rules added after review of the first UI: amendments in order, tasks never linked to removed records.</summary>
public sealed class DomainGapTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static (Practice Practice, Agreement Msa) ExecutedMsa()
    {
        var practice = Practice.Create(Guid.NewGuid(), "Glow", StateCode.From("TX"), PracticeStatus.Operating, null, Now);
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails("PC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Active));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails("MSO", EntityForm.LLC, StateCode.From("TX"), EntityStatus.Active));
        var msa = practice.ImportAgreement("msa", AgreementType.ManagementServicesAgreement, "MSA", mso.Id, pc.Id,
            new MsaTerms { EffectiveOn = new DateOnly(2025, 1, 1), InitialTermMonths = 12 }, AgreementStatus.Executed);
        return (practice, msa);
    }

    [Fact]
    public void Amend_BeforeThePreviousAmendment_IsRefused()
    {
        var (_, msa) = ExecutedMsa();
        msa.Amend(msa.Terms with { InitialTermMonths = 24 }, new DateOnly(2025, 6, 1), Now);

        var error = Assert.Throws<DomainRuleException>(() => msa.Amend(msa.Terms with { InitialTermMonths = 36 }, new DateOnly(2025, 3, 1), Now));

        Assert.Equal("AmendmentEffectiveOn", error.Field);
        Assert.Equal(2, msa.VersionNumber);
    }

    [Fact]
    public void Amend_WithUnchangedTerms_IsRefusedAndAddsNoVersion()
    {
        var (_, msa) = ExecutedMsa();

        Assert.Throws<DomainRuleException>(() => msa.Amend(msa.Terms, new DateOnly(2025, 6, 1), Now));

        Assert.Empty(msa.Versions);
    }

    [Fact]
    public void RemoveAgreement_UnlinksTheSetupTasksAboutIt()
    {
        var practice = Practice.Create(Guid.NewGuid(), "Glow", StateCode.From("TX"), PracticeStatus.Operating, null, Now);
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails("PC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Active));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails("MSO", EntityForm.LLC, StateCode.From("TX"), EntityStatus.Active));
        var draft = practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Draft MSA", mso.Id, pc.Id, MsaTerms.Empty);
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Agreements, "Sign the MSA", RecordId: draft.Id));

        practice.RemoveAgreement(draft.Id);

        Assert.Null(task.RecordId);
    }

    [Fact]
    public void RemovePerson_UnlinksTheSetupTasksAboutThem()
    {
        var practice = Practice.Create(Guid.NewGuid(), "Glow", StateCode.From("TX"), PracticeStatus.Operating, null, Now);
        var person = practice.AddPerson(null, new PersonDetails("Dana"));
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Operations, "Collect Dana's CV", RecordId: person.Id));

        practice.RemovePerson(person.Id);

        Assert.Null(task.RecordId);
    }
}
