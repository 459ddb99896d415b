using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// Checks a whole practice document before anything is built or written, and names every problem by
/// its JSON path: formats and ranges (through the domain's own primitives), enum values, keys unique
/// per list, every reference resolving, and the 100% ownership rule on every date.
/// </summary>
public sealed class PracticeDocumentValidator : AbstractValidator<PracticeDocument>
{
    public PracticeDocumentValidator()
    {
        RuleFor(d => d.Name).RequiredName("Name");
        RuleFor(d => d.PrimaryState).StateCode("Primary state");
        RuleFor(d => d.Status).IsEnum<PracticeDocument, PracticeStatus>("Status");
        RuleFor(d => d.Notes).FreeText("Notes");

        RuleFor(d => d.Locations).AtMost(PracticeDocumentLimits.MaxRecordsPerList, "locations");
        RuleFor(d => d.Entities).AtMost(PracticeDocumentLimits.MaxRecordsPerList, "entities");
        RuleFor(d => d.People).AtMost(PracticeDocumentLimits.MaxRecordsPerList, "people");
        RuleFor(d => d.Organizations).AtMost(PracticeDocumentLimits.MaxRecordsPerList, "organizations");
        RuleFor(d => d.Ownership).AtMost(PracticeDocumentLimits.MaxRecordsPerList, "stakes");
        RuleFor(d => d.Agreements).AtMost(PracticeDocumentLimits.MaxRecordsPerList, "agreements");
        RuleFor(d => d.Financials).AtMost(PracticeDocumentLimits.MaxRecordsPerList, "financial months");

        // A list over its limit is refused as a whole; its records are not checked one by one.
        When(IsWithinLimits, () =>
        {
            RuleForEach(d => d.Locations).NotNull().SetValidator(d => DocumentRules.Of(d).Locations);
            RuleForEach(d => d.Entities).NotNull().SetValidator(d => DocumentRules.Of(d).Entities);
            RuleForEach(d => d.People).NotNull().SetValidator(d => DocumentRules.Of(d).People);
            RuleForEach(d => d.Organizations).NotNull().SetValidator(d => DocumentRules.Of(d).Organizations);
            RuleForEach(d => d.Ownership).NotNull().SetValidator(d => DocumentRules.Of(d).Stakes);
            RuleForEach(d => d.Agreements).NotNull().SetValidator(d => DocumentRules.Of(d).Agreements);
            RuleForEach(d => d.Financials).NotNull().SetValidator(d => DocumentRules.Of(d).Financials);
            RuleFor(d => d).Custom(CheckOwnershipTotals);
        });
    }

    private static bool IsWithinLimits(PracticeDocument document) =>
        new[] { document.Locations?.Count, document.Entities?.Count, document.People?.Count, document.Organizations?.Count,
            document.Ownership?.Count, document.Agreements?.Count, document.Financials?.Count }
        .All(count => (count ?? 0) <= PracticeDocumentLimits.MaxRecordsPerList);

    private static void CheckOwnershipTotals(PracticeDocument document, ValidationContext<PracticeDocument> context)
    {
        var stakes = (document.Ownership ?? []).Select((stake, index) => (Stake: stake, Index: index))
            .Where(s => s.Stake?.Entity is not null && s.Stake.Percent is > 0 and <= 100 && Dates.IsDate(s.Stake.From) && Dates.IsDate(s.Stake.To))
            .GroupBy(s => s.Stake.Entity!.Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var entity in stakes)
        {
            var periods = entity.Select(s => (s.Stake.Percent!.Value, Dates.Parse(s.Stake.From), Dates.Parse(s.Stake.To))).ToList();
            if (StakeTotals.FirstOverAllocation(periods) is var (total, on))
            {
                // Named on the last stake (in document order) held on that date: the one that tips it over.
                var last = entity.Last(s => on is null ? Dates.Parse(s.Stake.From) is null : Domain.Common.Dates.Covers(Dates.Parse(s.Stake.From), Dates.Parse(s.Stake.To), on.Value));
                context.AddFailure($"ownership[{last.Index}].percent",
                    $"The stakes in '{entity.Key}' add up to {total:0.##}% {StakeTotals.Describe(on)}; at most 100% can be owned on any date.");
            }
        }
    }

    /// <summary>
    /// The record validators of one document, built once for it (FluentValidation asks for a record's
    /// validator once per record) around one <see cref="KeyIndex"/>, so every check is a lookup.
    /// </summary>
    private sealed class DocumentRules
    {
        private static readonly ConditionalWeakTable<PracticeDocument, DocumentRules> ByDocument = new();

        private DocumentRules(PracticeDocument document)
        {
            var index = new KeyIndex(document);
            Locations = new LocationRules(index);
            Entities = new EntityRules(index);
            People = new PersonRules(index, new LicenseRules(index), new RoleRules(index));
            Organizations = new OrganizationRules(index);
            Stakes = new StakeRules(index);
            Agreements = new AgreementRules(index);
            Financials = new FinancialMonthRules(index);
        }

        public LocationRules Locations { get; }

        public EntityRules Entities { get; }

        public PersonRules People { get; }

        public OrganizationRules Organizations { get; }

        public StakeRules Stakes { get; }

        public AgreementRules Agreements { get; }

        public FinancialMonthRules Financials { get; }

        public static DocumentRules Of(PracticeDocument document) => ByDocument.GetValue(document, d => new DocumentRules(d));
    }

    /// <summary>Every key of the document counted once (trimmed, ignoring case), and what the references need to know about them.</summary>
    private sealed class KeyIndex
    {
        private readonly Dictionary<string, List<string?>> _entityKinds = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string Entity, string? Month), int> _months = new(new EntityMonthComparer());

        // By the record itself (documents are records: equal licenses of two people must not count together).
        private readonly Dictionary<object, int> _siblingKeys = new(ReferenceEqualityComparer.Instance);

        public KeyIndex(PracticeDocument document)
        {
            Locations = KeyCounts.Of(document.Locations, l => l.Key);
            Entities = KeyCounts.Of(document.Entities, e => e.Key);
            People = KeyCounts.Of(document.People, p => p.Key);
            Organizations = KeyCounts.Of(document.Organizations, o => o.Key);
            Stakes = KeyCounts.Of(document.Ownership, s => s.Key);
            Agreements = KeyCounts.Of(document.Agreements, a => a.Key);
            foreach (var entity in document.Entities ?? [])
            {
                if (entity?.Key is { } key)
                {
                    Add(_entityKinds, key.Trim()).Add(entity.Kind);
                }
            }

            foreach (var person in document.People ?? [])
            {
                CountSiblings(person?.Licenses, l => l.Key);
                CountSiblings(person?.Roles, r => r.Key);
            }

            foreach (var month in document.Financials ?? [])
            {
                if (month is not null)
                {
                    var at = (month.Entity?.Trim() ?? "", month.Month);
                    _months[at] = _months.GetValueOrDefault(at) + 1;
                }
            }
        }

        public KeyCounts Locations { get; }

        public KeyCounts Entities { get; }

        public KeyCounts People { get; }

        public KeyCounts Organizations { get; }

        public KeyCounts Stakes { get; }

        public KeyCounts Agreements { get; }

        // An entity whose kind is itself invalid matches any kind: its own error is enough.
        public bool IsEntity(string? key, EntityKind? kind = null) =>
            key is not null && _entityKinds.TryGetValue(key.Trim(), out var kinds)
            && (kind is null || kinds.Exists(k => k == kind.ToString() || !EnumNames<EntityKind>.Contains(k)));

        public bool IsOwner(string? key) => People.Contains(key) || Organizations.Contains(key);

        /// <summary>How often the document gives this month of this entity.</summary>
        public int MonthCount(string? entity, string? month) => _months.GetValueOrDefault((entity?.Trim() ?? "", month));

        /// <summary>How many licenses (or roles) of its person share this license's (or role's) key.</summary>
        public int SiblingKeyCount(object record) => _siblingKeys.GetValueOrDefault(record);

        private void CountSiblings<T>(IReadOnlyList<T?>? records, Func<T, string?> key)
            where T : class
        {
            var counts = KeyCounts.Of(records, key);
            foreach (var record in records ?? [])
            {
                if (record is not null)
                {
                    _siblingKeys[record] = counts.Count(key(record));
                }
            }
        }

        private static List<string?> Add(Dictionary<string, List<string?>> lists, string key)
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            return list;
        }

        private sealed class EntityMonthComparer : IEqualityComparer<(string Entity, string? Month)>
        {
            public bool Equals((string Entity, string? Month) x, (string Entity, string? Month) y) =>
                StringComparer.OrdinalIgnoreCase.Equals(x.Entity, y.Entity) && string.Equals(x.Month, y.Month, StringComparison.Ordinal);

            public int GetHashCode((string Entity, string? Month) obj) =>
                HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Entity), obj.Month is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Month));
        }
    }

    private sealed class LocationRules : AbstractValidator<LocationDocument>
    {
        public LocationRules(KeyIndex index)
        {
            RuleFor(l => l.Key).UniqueKey((_, key) => index.Locations.Count(key), "location");
            RuleFor(l => l.Street).RequiredName("Street");
            RuleFor(l => l.City).RequiredName("City");
            RuleFor(l => l.State).StateCode("State");
            RuleFor(l => l.Zip).Satisfies(Location.ValidateZip);
        }
    }

    private sealed class EntityRules : AbstractValidator<EntityDocument>
    {
        public EntityRules(KeyIndex index)
        {
            RuleFor(e => e.Key).UniqueKey((_, key) => index.Entities.Count(key), "entity");
            RuleFor(e => e.Kind).IsEnum<EntityDocument, EntityKind>("Kind");
            RuleFor(e => e.LegalName).RequiredName("Legal name");
            RuleFor(e => e.Dba).OptionalName("DBA");
            RuleFor(e => e.Form).IsEnum<EntityDocument, EntityForm>("Form");
            RuleFor(e => e.State).StateCode("State of formation");
            RuleFor(e => e.Status).IsEnum<EntityDocument, EntityStatus>("Status");
            RuleFor(e => e.FormedOn).IsDate("Formed on");
            RuleFor(e => e.Ein).Satisfies(ein => string.IsNullOrWhiteSpace(ein) ? null : Ein.Validate(ein));
            RuleFor(e => e.RegisteredAgent).OptionalName("Registered agent");
            RuleFor(e => e.AnnualReportDueMonth).Satisfies((e, month) => LegalEntity.ValidateAnnualReportDueMonth(month, e.AnnualReportDueDay));
            RuleFor(e => e.AnnualReportDueDay).Satisfies((e, day) => LegalEntity.ValidateAnnualReportDueDay(e.AnnualReportDueMonth, day));
            RuleFor(e => e.Notes).FreeText("Notes");
        }
    }

    private sealed class PersonRules : AbstractValidator<PersonDocument>
    {
        public PersonRules(KeyIndex index, LicenseRules licenses, RoleRules roles)
        {
            RuleFor(p => p.Key).UniqueKey((_, key) => index.People.Count(key), "person");
            RuleFor(p => p.Key).Must(key => !index.Organizations.Contains(key))
                .WithMessage("An organization has the same key; owners are named by key, so people and organizations need different keys.");
            RuleFor(p => p.Name).RequiredName("Name");
            RuleFor(p => p.Email).Satisfies(email => Text.ValidateEmail(email));
            RuleFor(p => p.Phone).Satisfies(Person.ValidatePhone);
            RuleFor(p => p.Licenses).AtMost(PracticeDocumentLimits.MaxRecordsPerPerson, "licenses of one person");
            RuleFor(p => p.Roles).AtMost(PracticeDocumentLimits.MaxRecordsPerPerson, "roles of one person");
            When(p => (p.Licenses?.Count ?? 0) <= PracticeDocumentLimits.MaxRecordsPerPerson, () =>
                RuleForEach(p => p.Licenses).NotNull().SetValidator(licenses));
            When(p => (p.Roles?.Count ?? 0) <= PracticeDocumentLimits.MaxRecordsPerPerson, () =>
                RuleForEach(p => p.Roles).NotNull().SetValidator(roles));
        }
    }

    private sealed class LicenseRules : AbstractValidator<LicenseDocument>
    {
        public LicenseRules(KeyIndex index)
        {
            RuleFor(l => l.Key).UniqueKey((l, _) => index.SiblingKeyCount(l), "license of this person", required: false);
            RuleFor(l => l.Type).IsEnum<LicenseDocument, LicenseType>("Type");
            RuleFor(l => l.State).StateCode("State");
            RuleFor(l => l.Number).Satisfies(License.ValidateNumber);
            RuleFor(l => l.Status).IsEnum<LicenseDocument, LicenseStatus>("Status");
            RuleFor(l => l.IssuedOn).IsDate("Issued on");
            RuleFor(l => l.ExpiresOn).IsDate("Expires on")
                .Satisfies((l, expires) => License.ValidateExpiry(Dates.Parse(l.IssuedOn), Dates.Parse(expires)));
        }
    }

    private sealed class RoleRules : AbstractValidator<RoleDocument>
    {
        public RoleRules(KeyIndex index)
        {
            RuleFor(r => r.Key).UniqueKey((r, _) => index.SiblingKeyCount(r), "role of this person", required: false);
            RuleFor(r => r.Entity).Must(key => index.IsEntity(key)).WithMessage(r => $"'{r.Entity}' is not the key of an entity in this document.");
            RuleFor(r => r.Role).IsEnum<RoleDocument, EntityRoleKind>("Role");
            RuleFor(r => r.From).IsDate("From");
            RuleFor(r => r.To).IsDate("To").Period(r => r.From);
        }
    }

    private sealed class OrganizationRules : AbstractValidator<OrganizationDocument>
    {
        public OrganizationRules(KeyIndex index)
        {
            RuleFor(o => o.Key).UniqueKey((_, key) => index.Organizations.Count(key), "organization");
            RuleFor(o => o.Name).RequiredName("Name");
            RuleFor(o => o.Kind).IsEnum<OrganizationDocument, OrganizationKind>("Kind");
        }
    }

    private sealed class StakeRules : AbstractValidator<StakeDocument>
    {
        public StakeRules(KeyIndex index)
        {
            RuleFor(s => s.Key).UniqueKey((_, key) => index.Stakes.Count(key), "stake");
            RuleFor(s => s.Entity).Must(key => index.IsEntity(key)).WithMessage(s => $"'{s.Entity}' is not the key of an entity in this document.");
            RuleFor(s => s.Owner).Must(index.IsOwner)
                .WithMessage(s => $"'{s.Owner}' is not the key of a person or organization in this document.");
            RuleFor(s => s.Percent).NotNull().WithMessage("Percent is required.").PercentValue("Percent", allowZero: false);
            RuleFor(s => s.From).IsDate("From");
            RuleFor(s => s.To).IsDate("To").Period(s => s.From);
        }
    }

    private sealed class AgreementRules : AbstractValidator<AgreementDocument>
    {
        public AgreementRules(KeyIndex index)
        {
            RuleFor(a => a.Key).UniqueKey((_, key) => index.Agreements.Count(key), "agreement");
            RuleFor(a => a.Type).IsEnum<AgreementDocument, AgreementType>("Type");
            RuleFor(a => a.Title).OptionalName("Title");
            RuleFor(a => a.Status).IsEnum<AgreementDocument, AgreementStatus>("Status");
            RuleFor(a => a.ManagementCompany).Must((a, key) => Party(index, a, key, EntityKind.ManagementCompany))
                .WithMessage(a => PartyMessage(a, a.ManagementCompany, ManagementCompany));
            RuleFor(a => a.ProfessionalEntity).Must((a, key) => Party(index, a, key, EntityKind.ProfessionalEntity))
                .WithMessage(a => PartyMessage(a, a.ProfessionalEntity, "a professional entity"));
            RuleFor(a => a.EffectiveOn).IsDate("Effective date")
                .Must((a, effective) => effective is not null || a.Status is not (nameof(AgreementStatus.Executed) or nameof(AgreementStatus.Terminated)))
                .WithMessage("An executed or terminated agreement needs its effective date.");
            RuleFor(a => a.TermMonths).Satisfies(MsaTerms.ValidateInitialTerm);
            RuleFor(a => a.RenewalTermMonths).Satisfies(MsaTerms.ValidateRenewalTerm);
            RuleFor(a => a.WithoutCauseNoticeDays).Satisfies(MsaTerms.ValidateNoticeDays);
            RuleFor(a => a.ForCauseProvisions).Satisfies(MsaTerms.ValidateForCauseProvisions);
            RuleFor(a => a.PaymentTerms).Satisfies(MsaTerms.ValidatePaymentTerms);
            RuleFor(a => a.Services).AtMost(PracticeDocumentLimits.MaxValuesPerAgreementList, "services of one agreement");
            RuleForEach(a => a.Services).IsEnum<AgreementDocument, ServiceLine>("Service");
            RuleFor(a => a.CustomServices).Satisfies(custom => MsaTerms.ValidateCustomServiceCount(custom?.Count ?? 0));
            RuleForEach(a => a.CustomServices).Satisfies(MsaTerms.ValidateCustomService);
            RuleFor(a => a.Fee!).SetValidator(new FeeRules()).When(a => a.Fee is not null);
            RuleFor(a => a.Fmv!).SetValidator(new FmvRules()).When(a => a.Fmv is not null);
            RuleFor(a => a.ReservedClinicalAuthority).AtMost(PracticeDocumentLimits.MaxValuesPerAgreementList, "reserved clinical authorities of one agreement");
            RuleForEach(a => a.ReservedClinicalAuthority).IsEnum<AgreementDocument, ClinicalAuthority>("Reserved clinical authority");
            RuleFor(a => a.AmendmentEffectiveOn).IsDate("Amendment effective on");
            RuleFor(a => a.OutsideReview!).SetValidator(new OutsideReviewRules()).When(a => a.OutsideReview is not null);
        }

        private const string ManagementCompany = "a management company";

        // An MSA needs both parties, of the right kinds; other agreements may name any entity, or none.
        private static bool Party(KeyIndex index, AgreementDocument agreement, string? key, EntityKind kind) =>
            agreement.Type == nameof(AgreementType.ManagementServicesAgreement) ? index.IsEntity(key, kind) : key is null || index.IsEntity(key);

        private static string PartyMessage(AgreementDocument agreement, string? key, string what) =>
            key is null ? (what == ManagementCompany ? Agreement.ManagementCompanyRequiredMessage : Agreement.ProfessionalEntityRequiredMessage)
            : agreement.Type == nameof(AgreementType.ManagementServicesAgreement) ? $"'{key}' is not the key of {what} in this document."
            : $"'{key}' is not the key of an entity in this document.";
    }

    private sealed class OutsideReviewRules : AbstractValidator<OutsideReviewDocument>
    {
        public OutsideReviewRules()
        {
            RuleFor(r => r.Counsel).Satisfies(counsel => Text.ValidateName(counsel, "Counsel"));
            RuleFor(r => r.ReviewedOn).NotNull().WithMessage("Reviewed on is required.").IsDate("Reviewed on");
        }
    }

    private sealed class FeeRules : AbstractValidator<FeeDocument>
    {
        public FeeRules()
        {
            RuleFor(f => f.Method).IsEnum<FeeDocument, FeeMethod>("Fee method", required: false)
                .NotNull().When(f => f.FlatMonthly is not null || f.RatePercent is not null || f.MarkupPercent is not null)
                .WithMessage(MsaTerms.FeeMethodMissingMessage);
            RuleFor(f => f.FlatMonthly).Satisfies(MsaTerms.ValidateFlatMonthly).Amount("FlatMonthly");
            RuleFor(f => f.RatePercent).Satisfies(MsaTerms.ValidateRatePercent).Amount("RatePercent");
            RuleFor(f => f.MarkupPercent).Satisfies(MsaTerms.ValidateMarkupPercent).Amount("MarkupPercent");
        }
    }

    private sealed class FmvRules : AbstractValidator<FmvDocument>
    {
        public FmvRules()
        {
            RuleFor(f => f.Low).Satisfies(MsaTerms.ValidateFmvLow);
            RuleFor(f => f.High).Satisfies((f, high) => MsaTerms.ValidateFmvHigh(f.Low, high));
            RuleFor(f => f.ValuedOn).IsDate("Valued on");
            RuleFor(f => f.Valuator).Satisfies(MsaTerms.ValidateValuator);
        }
    }

    private sealed class FinancialMonthRules : AbstractValidator<FinancialMonthDocument>
    {
        public FinancialMonthRules(KeyIndex index)
        {
            RuleFor(f => f.Entity).Must(key => index.IsEntity(key, EntityKind.ProfessionalEntity))
                .WithMessage(f => $"'{f.Entity}' is not the key of a professional entity in this document; financial months are kept for professional entities.");
            RuleFor(f => f.Month).Satisfies(month => YearMonth.ValidateText(month, "Month"))
                .Must((f, month) => index.MonthCount(f.Entity, month) == 1)
                .WithMessage(f => $"The month {f.Month} of '{f.Entity}' is given more than once.");
            RuleFor(f => f.Collections).Figure("Collections");
            RuleFor(f => f.ClinicalExpenses).Figure("Clinical expenses");
            RuleFor(f => f.ManagementFeePaid).Figure("Management fee paid");
        }
    }

    /// <summary>Dates and months of the document: YYYY-MM-DD within the product's range.</summary>
    internal static class Dates
    {
        public static bool IsDate(string? text) => text is null || TryParse(text, out _);

        public static DateOnly? Parse(string? text) => text is not null && TryParse(text, out var date) ? date : null;

        private static bool TryParse(string text, out DateOnly date) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && Domain.Common.Dates.IsInRange(date);
    }
}

/// <summary>How often each key occurs in one list of a document (trimmed, ignoring case): a uniqueness or reference check is a lookup.</summary>
internal sealed class KeyCounts
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);

    public static KeyCounts Of<T>(IEnumerable<T?>? records, Func<T, string?> key)
        where T : class
    {
        var counts = new KeyCounts();
        foreach (var record in records ?? [])
        {
            if (record is not null && key(record)?.Trim() is { } value)
            {
                counts._counts[value] = counts._counts.GetValueOrDefault(value) + 1;
            }
        }

        return counts;
    }

    public int Count(string? key) => key is null ? 0 : _counts.GetValueOrDefault(key.Trim());

    public bool Contains(string? key) => Count(key) > 0;
}

/// <summary>An enum's names, looked up without allocating (Enum.GetNames copies its array on every call).</summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly HashSet<string> Names = new(Enum.GetNames<TEnum>(), StringComparer.Ordinal);

    public static bool Contains(string? name) => name is not null && Names.Contains(name);

    /// <summary>Why <paramref name="value"/> is not a name of <typeparamref name="TEnum"/> ("field is required." when null and required), or null.</summary>
    public static string? Validate(string? value, string field, bool required = true) =>
        value is null ? (required ? $"{field} is required." : null)
        : Contains(value) ? null
        : $"{field} '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.";
}

/// <summary>Rule builders for the document: the domain's checks, and the document's own conventions.</summary>
internal static class DocumentRuleBuilders
{
    public static IRuleBuilderOptions<T, string?> IsEnum<T, TEnum>(this IRuleBuilder<T, string?> rule, string field, bool required = true)
        where TEnum : struct, Enum =>
        rule.Must(value => EnumNames<TEnum>.Validate(value, field, required) is null)
            .WithMessage((_, value) => EnumNames<TEnum>.Validate(value, field, required));

    public static IRuleBuilderOptions<T, string?> IsDate<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(PracticeDocumentValidator.Dates.IsDate).WithMessage($"{field} must be a date written YYYY-MM-DD, {Domain.Common.Dates.RangeText}.");

    /// <summary>An exclusive end date after the start.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Period<T>(this IRuleBuilderOptions<T, string?> rule, Func<T, string?> from) =>
        rule.Satisfies((record, to) => Domain.Common.Dates.ValidatePeriod(PracticeDocumentValidator.Dates.Parse(from(record)), PracticeDocumentValidator.Dates.Parse(to), "From", "To"));

    /// <summary>A record key: 1-64 letters, digits, '-' or '_', unique (ignoring case) in its list.</summary>
    public static IRuleBuilderOptions<T, string?> UniqueKey<T>(this IRuleBuilder<T, string?> rule, Func<T, string?, int> count, string what, bool required = true) =>
        rule.Must(value => value is null ? !required : RecordKey.Validate(value) is null)
            .WithMessage((_, value) => RecordKey.Validate(value))
            .Must((record, value) => value is null || count(record, value) <= 1)
            .WithMessage((_, value) => $"Key '{value}' is used by more than one {what}.");

    /// <summary>A list of at most <paramref name="max"/> entries (PracticeDocumentLimits).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> AtMost<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max, string what) =>
        rule.Must(list => (list?.Count ?? 0) <= max).WithMessage(PracticeDocumentLimits.TooManyRecords(what, max));

    /// <summary>A fee amount is given exactly when the fee method uses it.</summary>
    public static IRuleBuilderOptionsConditions<FeeDocument, decimal?> Amount(this IRuleBuilderOptionsConditions<FeeDocument, decimal?> rule, string name) =>
        rule.Custom((amount, context) =>
        {
            if (context.InstanceToValidate.Method is not { } text || !Enum.GetNames<FeeMethod>().Contains(text, StringComparer.Ordinal))
            {
                return;
            }

            var method = Enum.Parse<FeeMethod>(text);
            var needed = MsaTerms.FieldsFor(method);
            if (amount is null && needed.Contains(name))
            {
                context.AddFailure($"A {method} fee needs {name}.");
            }
            else if (amount is not null && !needed.Contains(name))
            {
                context.AddFailure(MsaTerms.UnusedAmountMessage(method, name));
            }
        });

    /// <summary>A required amount of money.</summary>
    public static IRuleBuilderOptionsConditions<T, decimal?> Figure<T>(this IRuleBuilder<T, decimal?> rule, string field) =>
        rule.Satisfies(amount => amount is { } value ? Money.Validate(value, field) : $"{field} is required.");
}
