using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class AgreementTests
{
    [Fact]
    public void AddAgreement_MsaBetweenAManagementCompanyAndAProfessionalEntity_StartsAsDraftVersionOne()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();
        var pc = practice.NewProfessionalEntity();

        var msa = practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, " Glow MSA ", mso.Id, pc.Id, MsaTerms.Empty);

        Assert.Equal((AgreementStatus.Draft, 1, "Glow MSA", "glow-msa"), (msa.Status, msa.VersionNumber, msa.Title, msa.Key));
        Assert.Equal((mso.Id, pc.Id), (msa.ManagementCompanyId!.Value, msa.ProfessionalEntityId!.Value));
        Assert.True(msa.IsMsa);
        Assert.Empty(msa.Versions);
    }

    [Fact]
    public void AddAgreement_MsaWithoutAManagementCompany_IsRefusedNamingManagementCompany()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "MSA", null, pc.Id, MsaTerms.Empty));

        Assert.Equal("ManagementCompany", error.Field);
        Assert.Empty(practice.Agreements);
    }

    [Fact]
    public void AddAgreement_MsaWithoutAProfessionalEntity_IsRefusedNamingProfessionalEntity()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "MSA", mso.Id, null, MsaTerms.Empty));

        Assert.Equal("ProfessionalEntity", error.Field);
        Assert.Empty(practice.Agreements);
    }

    [Fact]
    public void AddAgreement_MsaWithAProfessionalEntityAsTheMsoParty_IsRefusedNamingManagementCompany()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity("Glow Medical PLLC");
        var otherPc = practice.NewProfessionalEntity("Radiance Medical PC");

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "MSA", otherPc.Id, pc.Id, MsaTerms.Empty));

        Assert.Equal("ManagementCompany", error.Field);
    }

    [Fact]
    public void AddAgreement_MsaWithAManagementCompanyAsThePcParty_IsRefusedNamingProfessionalEntity()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany("Glow Management LLC");
        var otherMso = practice.NewManagementCompany("Radiance Management LLC");

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "MSA", mso.Id, otherMso.Id, MsaTerms.Empty));

        Assert.Equal("ProfessionalEntity", error.Field);
    }

    [Fact]
    public void AddAgreement_MsaWithThePartiesSwapped_IsRefused()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();
        var pc = practice.NewProfessionalEntity();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "MSA", pc.Id, mso.Id, MsaTerms.Empty));

        Assert.Equal("ManagementCompany", error.Field);
    }

    [Fact]
    public void AddAgreement_MsaWithAnEntityOfAnotherPractice_IsRefused()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();
        var strangerPc = TestPractice.Create().NewProfessionalEntity();

        Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "MSA", mso.Id, strangerPc.Id, MsaTerms.Empty));
        Assert.Empty(practice.Agreements);
    }

    [Fact]
    public void AddAgreement_MedicalDirectorAgreementWithoutParties_IsAccepted()
    {
        var practice = TestPractice.Create();

        var agreement = practice.AddAgreement(null, AgreementType.MedicalDirectorAgreement, "Medical director agreement", null, null, MsaTerms.Empty);

        Assert.False(agreement.IsMsa);
        Assert.Single(practice.Agreements);
    }

    [Fact]
    public void AddAgreement_OtherTypeWithAnUnknownEntity_IsRefusedNamingEntity()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.StockTransferRestrictionAgreement, "Stock transfer restriction", null, Guid.NewGuid(), MsaTerms.Empty));

        Assert.Equal("Entity", error.Field);
    }

    [Fact]
    public void AddAgreement_BlankTitle_IsRefusedNamingTitle()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddAgreement(null, AgreementType.Other, "  ", null, null, MsaTerms.Empty));

        Assert.Equal("Title", error.Field);
        Assert.Empty(practice.Agreements);
    }

    [Fact]
    public void AddAgreement_InvalidTerms_IsRefusedAndAddsNothing()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddAgreement(null, AgreementType.Other, "Lease", null, null, new MsaTerms { InitialTermMonths = 0 }));

        Assert.Equal(nameof(MsaTerms.InitialTermMonths), error.Field);
        Assert.Empty(practice.Agreements);
    }

    [Fact]
    public void AddAgreement_KeepsTheTermsValidated()
    {
        var practice = TestPractice.Create();

        var agreement = practice.AddAgreement(null, AgreementType.Other, "Lease", null, null,
            new MsaTerms { Services = [ServiceLine.Training, ServiceLine.Marketing, ServiceLine.Training] });

        Assert.Equal([ServiceLine.Marketing, ServiceLine.Training], agreement.Terms.Services);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.InReview)]
    [InlineData(AgreementStatus.ChangesRequested)]
    [InlineData(AgreementStatus.Approved)]
    public void RemoveAgreement_NeverExecuted_RemovesIt(AgreementStatus status)
    {
        var practice = TestPractice.Create();
        var msa = practice.NewMsa(status);

        practice.RemoveAgreement(msa.Id);

        Assert.Empty(practice.Agreements);
    }

    [Theory]
    [InlineData(AgreementStatus.Executed)]
    [InlineData(AgreementStatus.Terminated)]
    public void RemoveAgreement_Executed_IsRefusedNamingAgreement(AgreementStatus status)
    {
        var practice = TestPractice.Create();
        var msa = practice.NewMsa(status);

        var error = Assert.Throws<DomainRuleException>(() => practice.RemoveAgreement(msa.Id));

        Assert.Equal("Agreement", error.Field);
        Assert.Single(practice.Agreements);
    }

    [Fact]
    public void RemoveAgreement_ThenItsEntities_AreRemovable()
    {
        var practice = TestPractice.Create();
        var msa = practice.NewMsa();
        practice.RemoveAgreement(msa.Id);

        practice.RemoveEntity(msa.ManagementCompanyId!.Value);
        practice.RemoveEntity(msa.ProfessionalEntityId!.Value);

        Assert.Empty(practice.Entities);
    }

    [Fact]
    public void FindAgreement_Unknown_IsRefusedNamingAgreement()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.FindAgreement(Guid.NewGuid()));

        Assert.Equal("Agreement", error.Field);
    }
}
