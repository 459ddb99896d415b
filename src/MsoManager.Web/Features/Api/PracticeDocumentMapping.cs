using System.Globalization;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// A practice document to the <see cref="Practice"/> aggregate (through its own operations, so the
/// importer enforces the same invariants as the UI) and back. Import expects a document the
/// <see cref="PracticeDocumentValidator"/> accepted; a domain rule it still breaks is reported by path.
/// </summary>
public static class PracticeDocumentMapping
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>A new practice in <paramref name="workspaceId"/> built from the document.</summary>
    public static Practice ToNewPractice(PracticeDocument document, Guid workspaceId, DateTimeOffset now)
    {
        var practice = Collecting(errors => errors.Try("$", () =>
            Practice.Create(workspaceId, document.Name!, StateCode.From(document.PrimaryState), Enum.Parse<PracticeStatus>(document.Status!), document.Notes, now))!);
        Replace(practice, document);
        return practice;
    }

    /// <summary>Gives the practice the document's details and replaces its whole structure with the document's records.</summary>
    public static void Replace(Practice practice, PracticeDocument document) =>
        Collecting(errors =>
        {
            errors.Try("$", () => practice.UpdateDetails(document.Name!, StateCode.From(document.PrimaryState), Enum.Parse<PracticeStatus>(document.Status!), document.Notes));
            practice.ReplaceStructure(p => AddRecords(p, document, errors));
            return practice;
        });

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
        };
    }

    private static void AddRecords(Practice practice, PracticeDocument document, Problems errors)
    {
        var entities = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var owners = new Dictionary<string, StakeOwner>(StringComparer.OrdinalIgnoreCase);
        Each(document.Locations, "locations", (l, path) => errors.Try(path, () =>
            practice.AddLocation(l.Key, new LocationDetails(l.Street!, l.City!, StateCode.From(l.State), l.Zip!))));
        Each(document.Entities, "entities", (e, path) => errors.Try(path, () => entities[e.Key!.Trim()] = practice.AddEntity(e.Key, Enum.Parse<EntityKind>(e.Kind!),
            new LegalEntityDetails(e.LegalName!, Enum.Parse<EntityForm>(e.Form!), StateCode.From(e.State), Enum.Parse<EntityStatus>(e.Status!),
                e.Dba, e.Ein, Date(e.FormedOn), e.RegisteredAgent, e.AnnualReportDueMonth, e.AnnualReportDueDay, e.Notes)).Id));
        Each(document.People, "people", (p, path) =>
        {
            if (errors.Try(path, () => practice.AddPerson(p.Key, new PersonDetails(p.Name!, p.Email, p.Phone))) is not { } person)
            {
                return;
            }

            owners[person.Key] = StakeOwner.OfPerson(person.Id);
            Each(p.Licenses, $"{path}.licenses", (l, licensePath) => errors.Try(licensePath, () => practice.AddLicense(person.Id, l.Key,
                new LicenseDetails(Enum.Parse<LicenseType>(l.Type!), StateCode.From(l.State), l.Number!, Enum.Parse<LicenseStatus>(l.Status!), Date(l.IssuedOn), Date(l.ExpiresOn)))));
            Each(p.Roles, $"{path}.roles", (r, rolePath) => errors.Try(rolePath, () => practice.AddRole(person.Id, r.Key,
                new EntityRoleDetails(entities[r.Entity!.Trim()], Enum.Parse<EntityRoleKind>(r.Role!), Date(r.From), Date(r.To)))));
        });
        Each(document.Organizations, "organizations", (o, path) => errors.Try(path, () =>
            owners[o.Key!.Trim()] = StakeOwner.OfOrganization(practice.AddOrganization(o.Key, o.Name!, Enum.Parse<OrganizationKind>(o.Kind!)).Id)));
        Each(document.Ownership, "ownership", (s, path) => errors.Try(path, () => practice.AddStake(s.Key,
            new StakeDetails(entities[s.Entity!.Trim()], owners[s.Owner!.Trim()], Percentage.From(s.Percent!.Value, "Percent", allowZero: false), Date(s.From), Date(s.To)))));
        Each(document.Agreements, "agreements", (a, path) => errors.Try(path, () =>
        {
            var type = Enum.Parse<AgreementType>(a.Type!);
            var title = string.IsNullOrWhiteSpace(a.Title) ? AgreementLabels.Of(type) : a.Title;
            return practice.AddAgreement(a.Key, type, title, EntityId(entities, a.ManagementCompany), EntityId(entities, a.ProfessionalEntity), Terms(a), Enum.Parse<AgreementStatus>(a.Status!));
        }));
        Each(document.Financials, "financials", (f, path) => errors.Try(path, () => practice.RecordFinancialMonth(entities[f.Entity!.Trim()], YearMonth.Parse(f.Month, "Month"),
            new FinancialFigures(Money.From(f.Collections!.Value, "Collections"), Money.From(f.ClinicalExpenses!.Value, "ClinicalExpenses"), Money.From(f.ManagementFeePaid!.Value, "ManagementFeePaid")))));
    }

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
                var key = ApiProblems.JsonPath($"{path}.{e.Field}");
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
