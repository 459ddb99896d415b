using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>
/// An agreement of the practice; for an MSA, between one management company and one professional
/// entity of the same practice. Moves Draft → InReview → ChangesRequested/Approved → Executed →
/// Terminated. Every saved change keeps the previous terms as a version; once executed, terms
/// change only by <see cref="Amend"/>, which records the amendment's own effective date.
/// </summary>
public sealed class Agreement : PracticeRecord
{
    private readonly List<AgreementVersion> _versions = [];

    private Agreement()
    {
        Title = "";
        Terms = MsaTerms.Empty;
    }

    internal Agreement(Practice practice, string key, AgreementType type, string title, Guid? managementCompanyId, Guid? professionalEntityId, MsaTerms terms, AgreementStatus status)
        : base(practice, key)
    {
        Type = type;
        Title = Text.RequireName(title, "Title");
        ManagementCompanyId = managementCompanyId;
        ProfessionalEntityId = professionalEntityId;
        Terms = terms.Validated();
        Status = status;
        VersionNumber = 1;
    }

    public AgreementType Type { get; private set; }

    public string Title { get; private set; }

    public Guid? ManagementCompanyId { get; private set; }

    public Guid? ProfessionalEntityId { get; private set; }

    public AgreementStatus Status { get; private set; }

    /// <summary>The terms in effect now (the latest version).</summary>
    public MsaTerms Terms { get; private set; }

    /// <summary>The number of the current terms; earlier ones are in <see cref="Versions"/>.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>For an amended agreement, when the current terms took effect.</summary>
    public DateOnly? CurrentVersionEffectiveOn { get; private set; }

    /// <summary>Earlier terms, oldest first; each stays readable.</summary>
    public IReadOnlyCollection<AgreementVersion> Versions => _versions.AsReadOnly();

    public bool IsMsa => Type == AgreementType.ManagementServicesAgreement;

    /// <summary>
    /// In force (domain.md): executed, effective on or before the date, and its initial term ends
    /// after the date or it auto-renews. An agreement without a term has no end.
    /// </summary>
    public bool IsInForce(DateOnly date) =>
        Status == AgreementStatus.Executed
        && Terms.EffectiveOn is { } effective && effective <= date
        && (Terms.AutoRenew || Terms.InitialTermEndsOn is not { } end || end > date);

    /// <summary>Changes the terms of an agreement that is not yet under review or executed, keeping the previous terms as a version.</summary>
    public void Revise(MsaTerms terms, string title, DateTimeOffset now)
    {
        if (Status is not (AgreementStatus.Draft or AgreementStatus.ChangesRequested))
        {
            throw new DomainRuleException("Status", Status == AgreementStatus.Executed
                ? "An executed agreement changes only by amendment."
                : $"The agreement is {Status}: it can be edited only as a draft or after changes were requested.");
        }

        var validated = terms.Validated();
        var newTitle = Text.RequireName(title, "Title");
        if (validated == Terms && newTitle == Title)
        {
            return;
        }

        KeepCurrentVersion(AgreementVersionKind.Revision, now);
        Terms = validated;
        Title = newTitle;
    }

    /// <summary>Amends an executed agreement: new terms from <paramref name="effectiveOn"/>, the previous ones kept.</summary>
    public void Amend(MsaTerms terms, DateOnly effectiveOn, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Executed)
        {
            throw new DomainRuleException("Status", "Only an executed agreement is amended; edit a draft directly.");
        }

        Dates.Check(effectiveOn, "AmendmentEffectiveOn");
        if (Terms.EffectiveOn is { } start && effectiveOn < start)
        {
            throw new DomainRuleException("AmendmentEffectiveOn", "An amendment cannot take effect before the agreement does.");
        }

        if (CurrentVersionEffectiveOn is { } previous && effectiveOn < previous)
        {
            throw new DomainRuleException("AmendmentEffectiveOn", $"An amendment cannot take effect before the previous one ({previous:yyyy-MM-dd}).");
        }

        var validated = terms.Validated();
        if (validated == Terms)
        {
            throw new DomainRuleException("Terms", "The amendment changes nothing; change at least one term.");
        }

        KeepCurrentVersion(AgreementVersionKind.Amendment, now);
        Terms = validated;
        CurrentVersionEffectiveOn = effectiveOn;
    }

    public void SubmitForReview() => Move(AgreementStatus.InReview, AgreementStatus.Draft, AgreementStatus.ChangesRequested);

    public void RequestChanges() => Move(AgreementStatus.ChangesRequested, AgreementStatus.InReview);

    public void Approve() => Move(AgreementStatus.Approved, AgreementStatus.InReview);

    /// <summary>Records the signing; an MSA needs its effective date by then.</summary>
    public void Execute()
    {
        if (Terms.EffectiveOn is null)
        {
            throw new DomainRuleException("EffectiveOn", "Set the effective date before marking the agreement executed.");
        }

        Move(AgreementStatus.Executed, AgreementStatus.Approved);
    }

    public void Terminate() => Move(AgreementStatus.Terminated, AgreementStatus.Executed);

    /// <summary>The statuses the agreement may move to next.</summary>
    public IReadOnlyList<AgreementStatus> NextStatuses() => Status switch
    {
        AgreementStatus.Draft => [AgreementStatus.InReview],
        AgreementStatus.InReview => [AgreementStatus.ChangesRequested, AgreementStatus.Approved],
        AgreementStatus.ChangesRequested => [AgreementStatus.InReview],
        AgreementStatus.Approved => [AgreementStatus.Executed],
        AgreementStatus.Executed => [AgreementStatus.Terminated],
        AgreementStatus.Terminated => [],
        _ => throw new InvalidOperationException($"Unknown status {Status}."),
    };

    private void Move(AgreementStatus to, params AgreementStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainRuleException("Status", $"An agreement that is {Status} cannot move to {to}.");
        }

        Status = to;
    }

    private void KeepCurrentVersion(AgreementVersionKind nextKind, DateTimeOffset now)
    {
        _versions.Add(new AgreementVersion(this, VersionNumber, Title, Terms, CurrentVersionEffectiveOn, nextKind, now));
        VersionNumber++;
    }
}

public enum AgreementVersionKind
{
    /// <summary>Superseded by an edit before execution.</summary>
    Revision,

    /// <summary>Superseded by an amendment of the executed agreement.</summary>
    Amendment,
}

/// <summary>An earlier version of an agreement's terms, kept when they were replaced.</summary>
public sealed class AgreementVersion : IPracticeOwned
{
    private AgreementVersion()
    {
        Title = "";
        Terms = MsaTerms.Empty;
    }

    internal AgreementVersion(Agreement agreement, int number, string title, MsaTerms terms, DateOnly? effectiveOn, AgreementVersionKind supersededBy, DateTimeOffset supersededAt)
    {
        Id = Guid.CreateVersion7(supersededAt);
        WorkspaceId = agreement.WorkspaceId;
        PracticeId = agreement.PracticeId;
        AgreementId = agreement.Id;
        Number = number;
        Title = title;
        Terms = terms;
        EffectiveOn = effectiveOn;
        SupersededBy = supersededBy;
        SupersededAt = supersededAt;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid AgreementId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    public MsaTerms Terms { get; private set; }

    /// <summary>When these terms took effect, for an amendment.</summary>
    public DateOnly? EffectiveOn { get; private set; }

    public AgreementVersionKind SupersededBy { get; private set; }

    public DateTimeOffset SupersededAt { get; private set; }
}
