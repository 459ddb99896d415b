using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Tests.Reviews;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Practices;

/// <summary>Builds practices and their records with valid defaults, so each test states only what it is about.</summary>
internal static class TestPractice
{
    public static readonly DateOnly EffectiveOn = new(2025, 1, 1);

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static Practice Create(string primaryState = "TX") =>
        Practice.Create(Guid.NewGuid(), "Glow Aesthetics", StateCode.From(primaryState), PracticeStatus.Planning, null, Now);

    public static LegalEntityDetails EntityDetails(string legalName, EntityForm form = EntityForm.PLLC) =>
        new(legalName, form, StateCode.From("TX"), EntityStatus.Active);

    public static LegalEntity NewProfessionalEntity(this Practice practice, string legalName = "Glow Medical PLLC") =>
        practice.AddEntity(null, EntityKind.ProfessionalEntity, EntityDetails(legalName));

    public static LegalEntity NewManagementCompany(this Practice practice, string legalName = "Glow Management LLC") =>
        practice.AddEntity(null, EntityKind.ManagementCompany, EntityDetails(legalName, EntityForm.LLC));

    public static Person NewPerson(this Practice practice, string name = "Jane Doe") =>
        practice.AddPerson(null, new PersonDetails(name));

    public static Percentage Percent(decimal value) => Percentage.From(value, "Percent", allowZero: false);

    public static StakeDetails PersonStake(Guid entityId, Guid personId, decimal percent, DateOnly? from = null, DateOnly? to = null) =>
        new(entityId, StakeOwner.OfPerson(personId), Percent(percent), from, to);

    /// <summary>Terms with an effective date and a one-year initial term, nothing else.</summary>
    public static MsaTerms DatedTerms(int? initialTermMonths = 12, bool autoRenew = false) =>
        new() { EffectiveOn = EffectiveOn, InitialTermMonths = initialTermMonths, AutoRenew = autoRenew };

    /// <summary>The role that executes and terminates agreements in these tests.</summary>
    public const MemberRole Editor = MemberRole.Consultant;

    /// <summary>An MSA between a new management company and a new professional entity, moved to <paramref name="status"/> through the allowed transitions.</summary>
    public static Agreement NewMsa(this Practice practice, AgreementStatus status = AgreementStatus.Draft, MsaTerms? terms = null)
    {
        var mso = practice.NewManagementCompany();
        var pc = practice.NewProfessionalEntity();
        var agreement = practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Management Services Agreement", mso.Id, pc.Id, terms ?? DatedTerms());
        MoveTo(agreement, status);
        return agreement;
    }

    private static void MoveTo(Agreement agreement, AgreementStatus status)
    {
        switch (status)
        {
            case AgreementStatus.Draft:
                return;
            case AgreementStatus.InReview:
                agreement.RequestReview();
                return;
            case AgreementStatus.ChangesRequested:
                agreement.RequestReview().RequestChanges(agreement);
                return;
            case AgreementStatus.Approved:
                agreement.RequestReview().Approve(agreement);
                return;
            case AgreementStatus.Executed:
                MoveTo(agreement, AgreementStatus.Approved);
                agreement.Execute(Editor);
                return;
            case AgreementStatus.Terminated:
                MoveTo(agreement, AgreementStatus.Executed);
                agreement.Terminate(Editor);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }
}
