using MsoManager.Domain.Common;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Practices;

/// <summary>
/// An agreement of the practice; for an MSA, between one management company and one professional
/// entity of the same practice. Moves Draft → InReview → ChangesRequested/Approved → Executed →
/// Terminated: into and out of review only through a <see cref="Review"/> (requested, then decided by
/// its attorney), the other steps by a role <see cref="AgreementWorkflow"/> allows; or it is recorded
/// as executed after counsel reviewed it outside the app. Every saved
/// change keeps the previous terms as a version; once executed, terms change only by
/// <see cref="Amend"/>, which records the amendment's own effective date.
/// </summary>
public sealed class Agreement : PracticeRecord
{
    private readonly List<AgreementVersion> _versions = [];

    private Agreement()
    {
        Title = "";
        Terms = MsaTerms.Empty;
    }

    internal Agreement(Practice practice, string key, AgreementType type, string title, Guid? managementCompanyId, Guid? professionalEntityId, MsaTerms terms)
        : base(practice, key)
    {
        Type = type;
        Title = Text.RequireName(title, "Title");
        ManagementCompanyId = managementCompanyId;
        ProfessionalEntityId = professionalEntityId;
        Terms = terms.Validated();
        Status = AgreementStatus.Draft;
        VersionNumber = 1;
    }

    /// <summary>
    /// An agreement as it arrives from elsewhere (the API's import), in whatever status it has:
    /// practices come with MSAs signed years ago. <see cref="ImportedAs"/> keeps that status apart from
    /// one reached through the review. An executed one may say when its current (amended) terms took
    /// effect; the earlier terms are not part of an import.
    /// </summary>
    internal static Agreement Imported(
        Practice practice, string key, AgreementType type, string title, Guid? managementCompanyId, Guid? professionalEntityId, MsaTerms terms,
        AgreementStatus status, OutsideReview? outsideReview, DateOnly? amendedFrom)
    {
        var agreement = new Agreement(practice, key, type, title, managementCompanyId, professionalEntityId, terms) { Status = status };
        if (amendedFrom is not null)
        {
            if (status is not (AgreementStatus.Executed or AgreementStatus.Terminated))
            {
                throw new DomainRuleException("AmendmentEffectiveOn", "Only an executed (or terminated) agreement has been amended.");
            }

            agreement.CurrentVersionEffectiveOn = Dates.Check(amendedFrom, "AmendmentEffectiveOn");
        }

        if (status != AgreementStatus.Draft)
        {
            agreement.ImportedAs = status;
        }

        if (outsideReview is not null)
        {
            if (status is not (AgreementStatus.Executed or AgreementStatus.Terminated))
            {
                throw new DomainRuleException("OutsideReview", "An outside review is recorded only for an executed (or terminated) agreement.");
            }

            agreement.KeepOutsideReview(outsideReview);
        }

        return agreement;
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

    /// <summary>The status the agreement had when it was imported, when that was not Draft; null for one made in the app.</summary>
    public AgreementStatus? ImportedAs { get; private set; }

    /// <summary>The counsel who reviewed it outside MSO Manager before it was recorded as executed.</summary>
    public string? OutsideReviewCounsel { get; private set; }

    /// <summary>When that outside review took place.</summary>
    public DateOnly? OutsideReviewedOn { get; private set; }

    /// <summary>The version the outside review covered (the one executed).</summary>
    public int? OutsideReviewVersion { get; private set; }

    /// <summary>The review outside MSO Manager, when the agreement was recorded as executed after one.</summary>
    public OutsideReview? OutsideReview =>
        OutsideReviewCounsel is { } counsel && OutsideReviewedOn is { } on ? new OutsideReview(counsel, on) : null;

    /// <summary>Earlier terms, oldest first; each stays readable.</summary>
    public IReadOnlyCollection<AgreementVersion> Versions => _versions.AsReadOnly();

    public bool IsMsa => Type == AgreementType.ManagementServicesAgreement;

    /// <summary>The current terms as a version: the last of <see cref="AllVersions"/>.</summary>
    public AgreementTermsVersion CurrentVersion =>
        new(VersionNumber, Title, Terms, CurrentVersionEffectiveOn, PreviousOf(VersionNumber));

    /// <summary>Every version of the terms, oldest first, the current one last (the kept ones must be loaded).</summary>
    public IReadOnlyList<AgreementTermsVersion> AllVersions() =>
        [.. _versions.OrderBy(v => v.Number).Select(v => v.Read(PreviousOf(v.Number))), CurrentVersion];

    /// <summary>Version <paramref name="number"/>, current or kept; null when the agreement has none by that number.</summary>
    public AgreementTermsVersion? FindVersion(int number) =>
        number == VersionNumber ? CurrentVersion : _versions.Find(v => v.Number == number)?.Read(PreviousOf(number));

    /// <summary>What an MSA without its management company is told, wherever it is checked.</summary>
    public const string ManagementCompanyRequiredMessage = "An MSA needs a management company of this practice as a party.";

    /// <summary>What an MSA without its professional entity is told, wherever it is checked.</summary>
    public const string ProfessionalEntityRequiredMessage = "An MSA needs a professional entity of this practice as a party.";

    /// <summary>
    /// In force (domain.md): executed, effective on or before the date, and its initial term ends
    /// after the date or it auto-renews. An agreement without a term has no end.
    /// </summary>
    public bool IsInForce(DateOnly date) =>
        Status == AgreementStatus.Executed
        && Terms.EffectiveOn is { } effective && effective <= date
        && (Terms.AutoRenew || Terms.InitialTermEndsOn is not { } end || end > date);

    /// <summary>
    /// Changes the terms of an agreement not yet executed, keeping the previous terms as a version. In
    /// review it stays in review (the review now reads an older version); an approval no longer holds
    /// for new terms, so an approved agreement returns to Draft.
    /// </summary>
    public void Revise(MsaTerms terms, string title, DateTimeOffset now) => Revise(terms, title, ManagementCompanyId, ProfessionalEntityId, now);

    /// <summary>As above, with new parties (which <see cref="Practice"/> has checked).</summary>
    internal void Revise(MsaTerms terms, string title, Guid? managementCompanyId, Guid? professionalEntityId, DateTimeOffset now)
    {
        var validated = terms.Validated();
        var newTitle = Text.RequireName(title, "Title");
        if (validated == Terms && newTitle == Title && managementCompanyId == ManagementCompanyId && professionalEntityId == ProfessionalEntityId)
        {
            return;
        }

        if (Status is AgreementStatus.Executed or AgreementStatus.Terminated)
        {
            throw new DomainRuleException("Status", Status == AgreementStatus.Executed
                ? "An executed agreement changes only by amendment."
                : "A terminated agreement does not change.");
        }

        KeepCurrentVersion(AgreementVersionKind.Revision, now);
        if (Status == AgreementStatus.Approved)
        {
            Status = AgreementStatus.Draft;
        }

        Terms = validated;
        Title = newTitle;
        ManagementCompanyId = managementCompanyId;
        ProfessionalEntityId = professionalEntityId;
    }

    /// <summary>
    /// The message when an amendment taking effect on <paramref name="effectiveOn"/> would precede the
    /// agreement (<paramref name="agreementEffectiveOn"/>) or its previous amendment, or null.
    /// </summary>
    public static string? ValidateAmendmentEffectiveOn(DateOnly effectiveOn, DateOnly? agreementEffectiveOn, DateOnly? previousAmendmentOn) =>
        agreementEffectiveOn is { } start && effectiveOn < start ? "An amendment cannot take effect before the agreement does."
        : previousAmendmentOn is { } previous && effectiveOn < previous ? $"An amendment cannot take effect before the previous one ({previous:yyyy-MM-dd})."
        : null;

    /// <summary>Amends an executed agreement: new terms from <paramref name="effectiveOn"/>, the previous ones kept.</summary>
    public void Amend(MsaTerms terms, DateOnly effectiveOn, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Executed)
        {
            throw new DomainRuleException("Status", "Only an executed agreement is amended; edit a draft directly.");
        }

        Dates.Check(effectiveOn, "AmendmentEffectiveOn");
        DomainRuleException.ThrowIf("AmendmentEffectiveOn", ValidateAmendmentEffectiveOn(effectiveOn, Terms.EffectiveOn, CurrentVersionEffectiveOn));

        var validated = terms.Validated();
        if (validated == Terms)
        {
            throw new DomainRuleException("Terms", "The amendment changes nothing; change at least one term.");
        }

        KeepCurrentVersion(AgreementVersionKind.Amendment, now);
        Terms = validated;
        CurrentVersionEffectiveOn = effectiveOn;
    }

    /// <summary>
    /// A review was requested (<see cref="Review.Request"/>): the agreement is in review. One imported in
    /// review has no review yet (the request checks that none is open) and stays in review for this one.
    /// </summary>
    internal void StartReview(MemberRole by)
    {
        if (Status != AgreementStatus.InReview)
        {
            Move(AgreementStatus.InReview, by);
        }
    }

    /// <summary>The attorney decided a review (<see cref="Review.Decide"/>): approved, or back to its editors.</summary>
    internal void RecordReviewDecision(ReviewDecision decision) => Move(
        decision == ReviewDecision.Approve ? AgreementStatus.Approved : AgreementStatus.ChangesRequested, MemberRole.Attorney);

    /// <summary>Its open review was withdrawn (<see cref="Review.Withdraw"/>): the agreement is a draft again.</summary>
    internal void WithdrawFromReview()
    {
        if (Status != AgreementStatus.InReview)
        {
            throw new DomainRuleException("Status", $"An agreement that is {AgreementWorkflow.Words(Status)} has no review to withdraw.");
        }

        Status = AgreementStatus.Draft;
    }

    /// <summary>Records the signing of an approved agreement; an MSA needs its effective date by then.</summary>
    public void Execute(MemberRole by)
    {
        RequireEffectiveDate();
        Move(AgreementStatus.Executed, by);
    }

    /// <summary>
    /// Records the signing of an agreement that counsel reviewed outside MSO Manager (the practice's
    /// own attorney, before the practice used the app): executed without an in-app review, and shown
    /// as such with the counsel's name and the review date.
    /// </summary>
    public void RecordExecutedAfterOutsideReview(OutsideReview review, MemberRole by)
    {
        if (!AgreementWorkflow.CanRecordOutsideReview(Status))
        {
            throw new DomainRuleException("Status", $"An agreement that is {AgreementWorkflow.Words(Status)} cannot be recorded as executed.");
        }

        Refuse(AgreementStatus.Executed, by);
        RequireEffectiveDate();
        KeepOutsideReview(review);
        Status = AgreementStatus.Executed;
    }

    public void Terminate(MemberRole by) => Move(AgreementStatus.Terminated, by);

    /// <summary>
    /// Moves to <paramref name="target"/> along the shortest path <paramref name="by"/> may take, step
    /// by step (a document states the status it wants, not the steps), never into or out of review
    /// (that is a <see cref="Review"/>'s); with <paramref name="outsideReview"/>, execution may be
    /// recorded after it.
    /// </summary>
    public void MoveTo(AgreementStatus target, MemberRole by, OutsideReview? outsideReview = null)
    {
        foreach (var step in AgreementWorkflow.Plan(Status, target, by, outsideReview is not null))
        {
            Action<MemberRole> take = step switch
            {
                AgreementStatus.Executed when outsideReview is not null => role => RecordExecutedAfterOutsideReview(outsideReview, role),
                AgreementStatus.Executed => Execute,
                AgreementStatus.Terminated => Terminate,
                AgreementStatus.Draft or AgreementStatus.InReview or AgreementStatus.ChangesRequested or AgreementStatus.Approved =>
                    throw new InvalidOperationException($"{step} is not reached by an edit."),
                _ => throw new ArgumentOutOfRangeException(nameof(target), step, null),
            };
            take(by);
        }
    }

    /// <summary>The statuses the agreement may move to next.</summary>
    public IReadOnlyList<AgreementStatus> NextStatuses() => AgreementWorkflow.NextStatuses(Status);

    private void Move(AgreementStatus to, MemberRole by)
    {
        if (!NextStatuses().Contains(to))
        {
            throw new DomainRuleException("Status", $"An agreement that is {AgreementWorkflow.Words(Status)} cannot become {AgreementWorkflow.Words(to)}.");
        }

        Refuse(to, by);
        Status = to;
    }

    private void Refuse(AgreementStatus to, MemberRole by)
    {
        if (!AgreementWorkflow.Allows(by, to))
        {
            throw new NotPermittedException($"{Title} was not changed: {AgreementWorkflow.Why(to)}");
        }
    }

    private void RequireEffectiveDate()
    {
        if (Terms.EffectiveOn is null)
        {
            throw new DomainRuleException("EffectiveOn", "Set the effective date before marking the agreement executed.");
        }
    }

    private void KeepOutsideReview(OutsideReview review)
    {
        OutsideReviewCounsel = review.Counsel;
        OutsideReviewedOn = review.ReviewedOn;
        OutsideReviewVersion = VersionNumber;
    }

    /// <summary>
    /// A copy of this agreement that reads as <paramref name="version"/> (its title, terms and amendment
    /// date; parties as now), for <see cref="Practice.WithAgreementVersion"/> only: never changed and
    /// never saved, so sharing the kept versions with this one is harmless. One not yet approved reads
    /// as approved: the question is what its terms do once signed off, and rules that wait for an
    /// approval (FEE_FMV_UNDOCUMENTED) would otherwise stay silent on every draft under review.
    /// </summary>
    internal Agreement AsVersion(AgreementTermsVersion version)
    {
        var copy = (Agreement)MemberwiseClone();
        if (copy.Status is AgreementStatus.Draft or AgreementStatus.InReview or AgreementStatus.ChangesRequested)
        {
            copy.Status = AgreementStatus.Approved;
        }

        copy.Title = version.Title;
        copy.Terms = version.Terms;
        copy.VersionNumber = version.Number;
        copy.CurrentVersionEffectiveOn = version.AmendmentEffectiveOn;
        return copy;
    }

    /// <summary>The kept version that <paramref name="number"/> replaced, which says how and when it was replaced; null for the first.</summary>
    private AgreementVersion? PreviousOf(int number) => _versions.Find(v => v.Number == number - 1);

    private void KeepCurrentVersion(AgreementVersionKind nextKind, DateTimeOffset now)
    {
        _versions.Add(new AgreementVersion(this, VersionNumber, Title, Terms, CurrentVersionEffectiveOn, nextKind, now));
        VersionNumber++;
    }
}

/// <summary>A review of an agreement by counsel outside MSO Manager: who, and on what date.</summary>
public sealed record OutsideReview
{
    public const int CounselMaxLength = Text.NameMaxLength;

    public OutsideReview(string counsel, DateOnly reviewedOn)
    {
        Counsel = Text.RequireName(counsel, "Counsel");
        ReviewedOn = Dates.Check(reviewedOn, "ReviewedOn")!.Value;
    }

    public string Counsel { get; }

    public DateOnly ReviewedOn { get; }

    /// <summary>The message when a review recorded <paramref name="today"/> is dated <paramref name="reviewedOn"/> in the future, or null.</summary>
    public static string? ValidateReviewedOn(DateOnly reviewedOn, DateOnly today) =>
        reviewedOn > today ? "The review date cannot be in the future." : null;

    /// <summary>A review as a user records it: not dated after <paramref name="today"/>.</summary>
    public static OutsideReview Recorded(string counsel, DateOnly reviewedOn, DateOnly today)
    {
        DomainRuleException.ThrowIf("ReviewedOn", ValidateReviewedOn(reviewedOn, today));
        return new OutsideReview(counsel, reviewedOn);
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

    /// <summary>These terms as a version; <paramref name="previous"/> is the kept version they replaced (null for the first).</summary>
    internal AgreementTermsVersion Read(AgreementVersion? previous) => new(Number, Title, Terms, EffectiveOn, previous);
}

/// <summary>
/// One version of an agreement's terms, the current one or a kept one: its number, title and terms,
/// when amended terms took effect, and how and when it came to be (by revision or amendment of the
/// previous version, at the moment that one was superseded; both null for the first version).
/// </summary>
public sealed record AgreementTermsVersion(int Number, string Title, MsaTerms Terms, DateOnly? AmendmentEffectiveOn, AgreementVersionKind? Kind, DateTimeOffset? SavedAt)
{
    internal AgreementTermsVersion(int number, string title, MsaTerms terms, DateOnly? amendmentEffectiveOn, AgreementVersion? previous)
        : this(number, title, terms, amendmentEffectiveOn, previous?.SupersededBy, previous?.SupersededAt)
    {
    }

    /// <summary>When these terms take effect: the amendment's date for amended terms, else the agreement's effective date.</summary>
    public DateOnly? TakesEffectOn => AmendmentEffectiveOn ?? Terms.EffectiveOn;
}
