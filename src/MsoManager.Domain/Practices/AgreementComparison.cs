using System.Collections;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;

namespace MsoManager.Domain.Practices;

/// <summary>
/// Two versions of one agreement side by side (review.md, "Version compare"): every field that differs,
/// by its name in the practice document (api.md), and what the change does to compliance on a date.
/// </summary>
/// <remarks>
/// Reading: the findings of each side are those of the whole practice with the agreement's title, terms
/// and amendment date replaced by that version's; its status, its parties and the rest of the practice
/// are as they are now, so the difference is what the terms do, not what the workflow or other records
/// did since. A finding is the same on both sides when its code and subject key are.
/// </remarks>
public sealed class AgreementComparison
{
    private static readonly TermField[] TermFields =
    [
        new(Fields.EffectiveOn, t => t.EffectiveOn),
        new(Fields.TermMonths, t => t.InitialTermMonths),
        new(Fields.AutoRenew, t => t.AutoRenew),
        new(Fields.RenewalTermMonths, t => t.RenewalTermMonths),
        new(Fields.WithoutCauseNoticeDays, t => t.WithoutCauseNoticeDays),
        new(Fields.ForCauseProvisions, t => t.ForCauseProvisions),
        new(Fields.Services, t => t.Services, IsList: true),
        new(Fields.CustomServices, t => t.CustomServices, IsList: true),
        new(Fields.FeeMethod, t => t.FeeMethod),
        new(Fields.FlatMonthly, t => t.FlatMonthly),
        new(Fields.RatePercent, t => t.RatePercent),
        new(Fields.MarkupPercent, t => t.MarkupPercent),
        new(Fields.PaymentTerms, t => t.PaymentTerms),
        new(Fields.FmvLow, t => t.FmvLow),
        new(Fields.FmvHigh, t => t.FmvHigh),
        new(Fields.FmvValuedOn, t => t.FmvValuedOn),
        new(Fields.Valuator, t => t.Valuator),
        new(Fields.ReservedClinicalAuthority, t => t.ReservedAuthority, IsList: true),
    ];

    private AgreementComparison(AgreementTermsVersion from, AgreementTermsVersion to, IReadOnlyList<FieldChange> changes, ComplianceEffect compliance)
    {
        From = from;
        To = to;
        Changes = changes;
        Compliance = compliance;
    }

    /// <summary>The version compared from (the "before" side).</summary>
    public AgreementTermsVersion From { get; }

    /// <summary>The version compared to (the "after" side).</summary>
    public AgreementTermsVersion To { get; }

    /// <summary>The fields that differ, in the document's order (title, status, amendment date, then the terms).</summary>
    public IReadOnlyList<FieldChange> Changes { get; }

    public ComplianceEffect Compliance { get; }

    /// <summary>The message when <paramref name="number"/> is not a version of an agreement at version <paramref name="latest"/>, or null.</summary>
    public static string? ValidateVersion(int number, int latest) =>
        number >= 1 && number <= latest ? null
        : latest == 1 ? $"There is no version {number}: this agreement has only version 1."
        : $"There is no version {number}: this agreement has versions 1 to {latest}.";

    /// <summary>The message when the two versions are the same one, or null.</summary>
    public static string? ValidatePair(int from, int to) => from == to ? "Choose two different versions to compare." : null;

    /// <summary>
    /// What is wrong with comparing <paramref name="from"/> with <paramref name="to"/> of an agreement at
    /// version <paramref name="latest"/>, by the name of the value at fault ("from", "to"); empty when nothing is.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(int from, int to, int latest)
    {
        var problems = new List<(string, string)>();
        var fromProblem = ValidateVersion(from, latest);
        if (fromProblem is not null)
        {
            problems.Add(("from", fromProblem));
        }

        if ((ValidateVersion(to, latest) ?? (fromProblem is null ? ValidatePair(from, to) : null)) is { } toProblem)
        {
            problems.Add(("to", toProblem));
        }

        return problems;
    }

    /// <summary>
    /// Versions <paramref name="from"/> and <paramref name="to"/> of the practice's agreement (its kept
    /// versions loaded), with each one's status when known, and their findings on <paramref name="asOf"/>.
    /// A version that does not exist, or the same one twice, is refused naming "from" or "to". The
    /// practice is not changed.
    /// </summary>
    public static AgreementComparison Between(
        Practice practice, Guid agreementId, int from, int to, AgreementStatus? fromStatus, AgreementStatus? toStatus, DateOnly asOf, StateRuleBook rules)
    {
        var agreement = practice.FindAgreement(agreementId);
        if (Validate(from, to, agreement.VersionNumber) is [var (field, message), ..])
        {
            throw new DomainRuleException(field, message);
        }

        var before = agreement.FindVersion(from) ?? throw NotLoaded();
        var after = agreement.FindVersion(to) ?? throw NotLoaded();
        var effect = new ComplianceEffect(asOf, Evaluate(practice, agreement, before, asOf, rules), Evaluate(practice, agreement, after, asOf, rules));
        return new AgreementComparison(before, after, Compare(before, after, fromStatus, toStatus), effect);
    }

    /// <summary>Every field that differs between <paramref name="before"/> and <paramref name="after"/>, with the statuses each had (null: unknown).</summary>
    public static IReadOnlyList<FieldChange> Compare(
        AgreementTermsVersion before, AgreementTermsVersion after, AgreementStatus? beforeStatus = null, AgreementStatus? afterStatus = null)
    {
        var changes = new List<FieldChange>();
        AddIfChanged(changes, Fields.Title, before.Title, after.Title);
        AddIfChanged(changes, Fields.Status, beforeStatus, afterStatus);
        AddIfChanged(changes, Fields.AmendmentEffectiveOn, before.AmendmentEffectiveOn, after.AmendmentEffectiveOn);
        foreach (var field in TermFields)
        {
            var (from, to) = (field.Read(before.Terms), field.Read(after.Terms));
            if (!field.IsList)
            {
                AddIfChanged(changes, field.Name, from, to);
                continue;
            }

            var (was, now) = (Items(from), Items(to));
            var added = now.Except(was).ToList();
            var removed = was.Except(now).ToList();
            if (added.Count > 0 || removed.Count > 0)
            {
                changes.Add(new FieldChange(field.Name, from, to) { Added = added, Removed = removed });
            }
        }

        return changes;
    }

    /// <summary>
    /// The findings the practice gives on <paramref name="asOf"/> with the agreement reading
    /// <paramref name="versionNumber"/>, as it would stand once approved (see
    /// <see cref="Agreement.AsVersion"/>): what a review's checklist suggestions and a comparison read.
    /// </summary>
    public static IReadOnlyList<Finding> FindingsOf(Practice practice, Agreement agreement, int versionNumber, DateOnly asOf, StateRuleBook rules) =>
        Evaluate(practice, agreement, agreement.FindVersion(versionNumber) ?? throw NotLoaded(), asOf, rules);

    private static IReadOnlyList<Finding> Evaluate(Practice practice, Agreement agreement, AgreementTermsVersion version, DateOnly asOf, StateRuleBook rules) =>
        ComplianceEngine.Evaluate(practice.WithAgreementVersion(agreement.Id, version), asOf, rules).Findings;

    private static InvalidOperationException NotLoaded() => new("Load the agreement's kept versions before comparing them.");

    private static void AddIfChanged(List<FieldChange> changes, string field, object? before, object? after)
    {
        if (!Equals(before, after))
        {
            changes.Add(new FieldChange(field, before, after));
        }
    }

    private static List<object> Items(object? list) => list is IEnumerable items ? [.. items.Cast<object>()] : [];

    /// <summary>A term as the comparison reads it: its document name and its value (a list compares as what it holds).</summary>
    private sealed record TermField(string Name, Func<MsaTerms, object?> Read, bool IsList = false);

    /// <summary>The agreement's fields by their names in the practice document (api.md), as the comparison names them.</summary>
    public static class Fields
    {
        public const string Title = "title";
        public const string Status = "status";
        public const string AmendmentEffectiveOn = "amendmentEffectiveOn";
        public const string EffectiveOn = "effectiveOn";
        public const string TermMonths = "termMonths";
        public const string AutoRenew = "autoRenew";
        public const string RenewalTermMonths = "renewalTermMonths";
        public const string WithoutCauseNoticeDays = "withoutCauseNoticeDays";
        public const string ForCauseProvisions = "forCauseProvisions";
        public const string Services = "services";
        public const string CustomServices = "customServices";
        public const string FeeMethod = "fee.method";
        public const string FlatMonthly = "fee.flatMonthly";
        public const string RatePercent = "fee.ratePercent";
        public const string MarkupPercent = "fee.markupPercent";
        public const string PaymentTerms = "paymentTerms";
        public const string FmvLow = "fmv.low";
        public const string FmvHigh = "fmv.high";
        public const string FmvValuedOn = "fmv.valuedOn";
        public const string Valuator = "fmv.valuator";
        public const string ReservedClinicalAuthority = "reservedClinicalAuthority";
    }
}

/// <summary>
/// One field that differs between two versions, named as in the practice document, with its value on
/// each side (a list as the whole list); for a list, also the items added and removed.
/// </summary>
public sealed record FieldChange(string Field, object? Before, object? After)
{
    /// <summary>For a list field, the items the later version has that the earlier lacks; null for other fields.</summary>
    public IReadOnlyList<object>? Added { get; init; }

    /// <summary>For a list field, the items the earlier version has that the later lacks; null for other fields.</summary>
    public IReadOnlyList<object>? Removed { get; init; }
}

/// <summary>
/// The practice's findings on <paramref name="AsOf"/> under each of two versions of an agreement, and what
/// the change does: the findings it introduces, those it clears and those on both sides (with the later
/// side's message), each matched by code and subject key.
/// </summary>
public sealed record ComplianceEffect(DateOnly AsOf, IReadOnlyList<Finding> Before, IReadOnlyList<Finding> After)
{
    public IReadOnlyList<Finding> Introduced { get; } = Without(After, Before);

    public IReadOnlyList<Finding> Cleared { get; } = Without(Before, After);

    public IReadOnlyList<Finding> Unchanged { get; } = [.. After.Where(f => Before.Any(b => SameFinding(b, f)))];

    private static bool SameFinding(Finding a, Finding b) =>
        string.Equals(a.Code, b.Code, StringComparison.Ordinal) && string.Equals(a.SubjectKey, b.SubjectKey, StringComparison.Ordinal);

    private static IReadOnlyList<Finding> Without(IReadOnlyList<Finding> findings, IReadOnlyList<Finding> others) =>
        [.. findings.Where(f => !others.Any(o => SameFinding(o, f)))];
}
