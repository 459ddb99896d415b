using System.Globalization;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// A practice document to the <see cref="Practice"/> aggregate (through its own operations, so the
/// importer enforces the same invariants as the UI) and back. Import expects a document the
/// <see cref="PracticeDocumentValidator"/> accepted; a domain rule it still breaks is reported by path.
/// Replacing a practice with a document (the PUT) is in PracticeDocumentMapping.Replace.cs.
/// </summary>
public static partial class PracticeDocumentMapping
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>A new practice in <paramref name="workspaceId"/> built from the document.</summary>
    public static Practice ToNewPractice(PracticeDocument document, Guid workspaceId, DateTimeOffset now)
    {
        return Collecting(errors =>
        {
            var practice = errors.Try("$", () =>
                Practice.Create(workspaceId, document.Name!, StateCode.From(document.PrimaryState), Enum.Parse<PracticeStatus>(document.Status!), document.Notes, now));
            if (practice is not null)
            {
                AddRecords(practice, document, DateOnly.FromDateTime(now.UtcDateTime), errors);
            }

            return practice!;
        });
    }

    /// <summary>The practice as a document: keys preserved, lists in key order; EINs as <paramref name="showEin"/> shows them.</summary>
    public static PracticeDocument ToDocument(Practice practice, Func<Ein?, string> showEin)
    {
        var entityKeys = practice.Entities.ToDictionary(e => e.Id, e => e.Key);
        var ownerKeys = practice.People.Select(p => (p.Id, p.Key)).Concat(practice.Organizations.Select(o => (o.Id, o.Key))).ToDictionary();
        string? EntityKey(Guid? id) => id is { } value ? entityKeys[value] : null;
        return new PracticeDocument
        {
            Id = practice.Id,
            Name = practice.Name,
            PrimaryState = practice.PrimaryState.Value,
            Status = practice.Status.ToString(),
            Notes = practice.Notes,
            Locations = [.. practice.Locations.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new LocationDocument(l.Key, l.Street, l.City, l.State.Value, l.Zip))],
            Entities = [.. practice.Entities.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new EntityDocument
            {
                Key = e.Key, Kind = e.Kind.ToString(), LegalName = e.LegalName, Dba = e.Dba, Form = e.Form.ToString(), State = e.StateOfFormation.Value,
                Status = e.Status.ToString(), FormedOn = Format(e.FormedOn), Ein = e.Ein is null ? null : showEin(e.Ein), RegisteredAgent = e.RegisteredAgent,
                AnnualReportDueMonth = e.AnnualReportDueMonth, AnnualReportDueDay = e.AnnualReportDueDay, Notes = e.Notes,
            })],
            People = [.. practice.People.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PersonDocument
            {
                Key = p.Key, Name = p.Name, Email = p.Email, Phone = p.Phone,
                Licenses = [.. p.Licenses.OrderBy(l => l.Key, StringComparer.Ordinal)
                    .Select(l => new LicenseDocument(l.Key, l.Type.ToString(), l.State.Value, l.Number, l.Status.ToString(), Format(l.IssuedOn), Format(l.ExpiresOn)))],
                Roles = [.. p.Roles.OrderBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => new RoleDocument(r.Key, entityKeys[r.EntityId], r.Kind.ToString(), Format(r.From), Format(r.To)))],
            })],
            Organizations = [.. practice.Organizations.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new OrganizationDocument(o.Key, o.Name, o.Kind.ToString()))],
            Ownership = [.. practice.Stakes.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new StakeDocument(s.Key, entityKeys[s.EntityId], ownerKeys[s.OwnerId], s.Percent.Value, Format(s.From), Format(s.To)))],
            Agreements = [.. practice.Agreements.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => ToDocument(a, EntityKey))],
            Financials = [.. practice.FinancialMonths.OrderBy(f => entityKeys[f.EntityId], StringComparer.Ordinal).ThenBy(f => f.Month)
                .Select(f => new FinancialMonthDocument(entityKeys[f.EntityId], f.Month.ToString(), f.Collections.Amount, f.ClinicalExpenses.Amount, f.ManagementFeePaid.Amount))],
        };
    }

    private static AgreementDocument ToDocument(Agreement agreement, Func<Guid?, string?> entityKey)
    {
        var terms = agreement.Terms;
        return new AgreementDocument
        {
            Key = agreement.Key,
            Type = agreement.Type.ToString(),
            Title = agreement.Title,
            ManagementCompany = entityKey(agreement.ManagementCompanyId),
            ProfessionalEntity = entityKey(agreement.ProfessionalEntityId),
            Status = agreement.Status.ToString(),
            EffectiveOn = Format(terms.EffectiveOn),
            TermMonths = terms.InitialTermMonths,
            AutoRenew = terms.AutoRenew,
            RenewalTermMonths = terms.RenewalTermMonths,
            WithoutCauseNoticeDays = terms.WithoutCauseNoticeDays,
            ForCauseProvisions = terms.ForCauseProvisions,
            Services = [.. terms.Services.Select(s => s.ToString())],
            CustomServices = terms.CustomServices,
            Fee = new FeeDocument(terms.FeeMethod?.ToString(), terms.FlatMonthly, terms.RatePercent, terms.MarkupPercent),
            PaymentTerms = terms.PaymentTerms,
            Fmv = terms.FmvLow is null && terms.FmvHigh is null && terms.FmvValuedOn is null && terms.Valuator is null
                ? null
                : new FmvDocument(terms.FmvLow, terms.FmvHigh, Format(terms.FmvValuedOn), terms.Valuator),
            ReservedClinicalAuthority = [.. terms.ReservedAuthority.Select(a => a.ToString())],
            AmendmentEffectiveOn = Format(agreement.CurrentVersionEffectiveOn),
            OutsideReview = agreement.OutsideReview is { } review ? new OutsideReviewDocument(review.Counsel, Format(review.ReviewedOn)) : null,
        };
    }

    private static void AddRecords(Practice practice, PracticeDocument document, DateOnly today, Problems errors)
    {
        var entities = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var owners = new Dictionary<string, StakeOwner>(StringComparer.OrdinalIgnoreCase);
        Each(document.Locations, "locations", (l, path) => errors.Try(path, () => practice.AddLocation(l.Key, Details(l))));
        Each(document.Entities, "entities", (e, path) => errors.Try(path, () => entities[e.Key!.Trim()] = practice.AddEntity(e.Key, Enum.Parse<EntityKind>(e.Kind!), Details(e)).Id));
        Each(document.People, "people", (p, path) =>
        {
            if (errors.Try(path, () => practice.AddPerson(p.Key, Details(p))) is not { } person)
            {
                return;
            }

            owners[person.Key] = StakeOwner.OfPerson(person.Id);
            Each(p.Licenses, $"{path}.licenses", (l, licensePath) => errors.Try(licensePath, () => practice.AddLicense(person.Id, l.Key, Details(l))));
            Each(p.Roles, $"{path}.roles", (r, rolePath) => errors.Try(rolePath, () => practice.AddRole(person.Id, r.Key, Details(r, entities))));
        });
        Each(document.Organizations, "organizations", (o, path) => errors.Try(path, () =>
            owners[o.Key!.Trim()] = StakeOwner.OfOrganization(practice.AddOrganization(o.Key, o.Name!, Enum.Parse<OrganizationKind>(o.Kind!)).Id)));
        Each(document.Ownership, "ownership", (s, path) => errors.Try(path, () => practice.AddStake(s.Key, Details(s, entities, owners))));
        Each(document.Agreements, "agreements", (a, path) => errors.Try(path, () => practice.ImportAgreement(
            a.Key, Enum.Parse<AgreementType>(a.Type!), Title(a), EntityId(entities, a.ManagementCompany), EntityId(entities, a.ProfessionalEntity), Terms(a),
            Enum.Parse<AgreementStatus>(a.Status!), OutsideReview(a, today), Date(a.AmendmentEffectiveOn))));
        Each(document.Financials, "financials", (f, path) => errors.Try(path, () => practice.RecordFinancialMonth(entities[f.Entity!.Trim()], Month(f), Figures(f))));
    }

    private static LocationDetails Details(LocationDocument l) => new(l.Street!, l.City!, StateCode.From(l.State), l.Zip!);

    private static LegalEntityDetails Details(EntityDocument e) =>
        new(e.LegalName!, Enum.Parse<EntityForm>(e.Form!), StateCode.From(e.State), Enum.Parse<EntityStatus>(e.Status!),
            e.Dba, e.Ein, Date(e.FormedOn), e.RegisteredAgent, e.AnnualReportDueMonth, e.AnnualReportDueDay, e.Notes);

    private static PersonDetails Details(PersonDocument p) => new(p.Name!, p.Email, p.Phone);

    private static LicenseDetails Details(LicenseDocument l) =>
        new(Enum.Parse<LicenseType>(l.Type!), StateCode.From(l.State), l.Number!, Enum.Parse<LicenseStatus>(l.Status!), Date(l.IssuedOn), Date(l.ExpiresOn));

    private static EntityRoleDetails Details(RoleDocument r, Dictionary<string, Guid> entities) =>
        new(entities[r.Entity!.Trim()], Enum.Parse<EntityRoleKind>(r.Role!), Date(r.From), Date(r.To));

    private static StakeDetails Details(StakeDocument s, Dictionary<string, Guid> entities, Dictionary<string, StakeOwner> owners) =>
        new(entities[s.Entity!.Trim()], owners[s.Owner!.Trim()], Percentage.From(s.Percent!.Value, "Percent", allowZero: false), Date(s.From), Date(s.To));

    private static string Title(AgreementDocument a) => string.IsNullOrWhiteSpace(a.Title) ? AgreementLabels.Of(Enum.Parse<AgreementType>(a.Type!)) : a.Title;

    private static OutsideReview? OutsideReview(AgreementDocument a, DateOnly today)
    {
        try
        {
            return a.OutsideReview is { } review ? Domain.Practices.OutsideReview.Recorded(review.Counsel!, Date(review.ReviewedOn)!.Value, today) : null;
        }
        catch (DomainRuleException e)
        {
            throw new DomainRuleException($"{nameof(AgreementDocument.OutsideReview)}.{e.Field}", e.Message);
        }
    }

    private static YearMonth Month(FinancialMonthDocument f) => YearMonth.Parse(f.Month, "Month");

    private static FinancialFigures Figures(FinancialMonthDocument f) =>
        new(Money.From(f.Collections!.Value, "Collections"), Money.From(f.ClinicalExpenses!.Value, "ClinicalExpenses"), Money.From(f.ManagementFeePaid!.Value, "ManagementFeePaid"));

    private static MsaTerms Terms(AgreementDocument a) => new()
    {
        EffectiveOn = Date(a.EffectiveOn),
        InitialTermMonths = a.TermMonths,
        AutoRenew = a.AutoRenew ?? false,
        RenewalTermMonths = a.RenewalTermMonths,
        WithoutCauseNoticeDays = a.WithoutCauseNoticeDays,
        ForCauseProvisions = a.ForCauseProvisions,
        Services = [.. (a.Services ?? []).Select(Enum.Parse<ServiceLine>)],
        CustomServices = a.CustomServices ?? [],
        FeeMethod = a.Fee?.Method is { } method ? Enum.Parse<FeeMethod>(method) : null,
        FlatMonthly = a.Fee?.FlatMonthly,
        RatePercent = a.Fee?.RatePercent,
        MarkupPercent = a.Fee?.MarkupPercent,
        PaymentTerms = a.PaymentTerms,
        FmvLow = a.Fmv?.Low,
        FmvHigh = a.Fmv?.High,
        FmvValuedOn = Date(a.Fmv?.ValuedOn),
        Valuator = a.Fmv?.Valuator,
        ReservedAuthority = [.. (a.ReservedClinicalAuthority ?? []).Select(Enum.Parse<ClinicalAuthority>)],
    };

    private static Guid? EntityId(Dictionary<string, Guid> entities, string? key) => key is null ? null : entities[key.Trim()];

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static string? Format(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static void Each<T>(IReadOnlyList<T>? records, string path, Action<T, string> add)
    {
        for (var i = 0; i < (records?.Count ?? 0); i++)
        {
            add(records![i], $"{path}[{i}]");
        }
    }

    private static T Collecting<T>(Func<Problems, T> build)
    {
        var errors = new Problems();
        var result = build(errors);
        return errors.Count > 0 ? throw new PracticeDocumentException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray())) : result!;
    }

    /// <summary>The domain rules a document still broke, by JSON path; each record is tried even after another failed.</summary>
    private sealed class Problems : Dictionary<string, List<string>>
    {
        public T? Try<T>(string path, Func<T> add)
        {
            try
            {
                return add();
            }
            catch (DomainRuleException e)
            {
                var at = e.Index is { } index ? $"{path}[{index}]" : path;
                var key = ApiProblems.JsonPath(e.Field.Length == 0 ? at : $"{at}.{e.Field}");
                if (!TryGetValue(key, out var messages))
                {
                    this[key] = messages = [];
                }

                messages.Add(e.Message);
                return default;
            }
            catch (KeyNotFoundException)
            {
                // A reference to a record that could not be added; that record's own problem is already reported.
                return default;
            }
        }

        public void Try(string path, Action add) => Try(path, () =>
        {
            add();
            return true;
        });
    }
}
