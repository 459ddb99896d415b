using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Api;

public static partial class PracticeDocumentMapping
{
    /// <summary>
    /// Replaces the practice's details and structure with the document's, matching every list by key:
    /// a kept key changes its record in place (same id, so versions, setup-task links and whatever else
    /// hangs on it survive), a new key adds a record, a missing key removes one. An agreement's terms
    /// change through a new version (an amendment once executed) and its status only along a path
    /// <paramref name="role"/> may take (else <see cref="NotPermittedException"/> naming it). A
    /// document equal to the stored practice changes nothing. Records without keys (licenses and roles
    /// may omit them) are matched by what they are: a license by type, state and number, a role by
    /// entity, kind and start.
    /// </summary>
    public static void Replace(Practice practice, PracticeDocument document, MemberRole role, DateTimeOffset now) =>
        Collecting(errors =>
        {
            errors.Try("$", () => practice.UpdateDetails(document.Name!, StateCode.From(document.PrimaryState), Enum.Parse<PracticeStatus>(document.Status!), document.Notes));
            new Replacement(practice, document, role, now, errors).Run();
            return practice;
        });

    private sealed class Replacement(Practice practice, PracticeDocument document, MemberRole role, DateTimeOffset now, Problems errors)
    {
        private readonly Dictionary<string, Guid> _entities = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, StakeOwner> _owners = new(StringComparer.OrdinalIgnoreCase);
        private readonly DateOnly _today = DateOnly.FromDateTime(now.UtcDateTime);

        public void Run()
        {
            // Records that point at others leave first and the ones pointed at last, so a record is
            // never removed while a kept one still refers to it.
            RemoveGoneFinancialMonths();
            RemoveGone(practice.Agreements, KeysOf(document.Agreements, a => a.Key), a => practice.RemoveAgreement(a.Id), "agreements");
            ReplaceLocations();
            ReplaceEntities();
            ReplacePeople();
            ReplaceOrganizations();
            ReplaceStakes();
            ReplaceAgreements();
            Each(document.Financials, "financials", (f, path) => errors.Try(path, () =>
                practice.RecordFinancialMonth(_entities[f.Entity!.Trim()], Month(f), Figures(f))));
            RemoveGone(practice.Organizations, KeysOf(document.Organizations, o => o.Key), o => practice.RemoveOrganization(o.Id), "organizations");
            RemoveGone(practice.People, KeysOf(document.People, p => p.Key), p => practice.RemovePerson(p.Id), "people");
            RemoveGone(practice.Entities, KeysOf(document.Entities, e => e.Key), e => practice.RemoveEntity(e.Id), "entities");
            RemoveGone(practice.Locations, KeysOf(document.Locations, l => l.Key), l => practice.RemoveLocation(l.Id), "locations");
        }

        private void ReplaceLocations() =>
            Each(document.Locations, "locations", (l, path) => errors.Try(path, () =>
            {
                if (Kept(practice.Locations, l.Key) is { } kept)
                {
                    practice.UpdateLocation(kept.Id, Details(l));
                }
                else
                {
                    practice.AddLocation(l.Key, Details(l));
                }
            }));

        private void ReplaceEntities()
        {
            foreach (var entity in practice.Entities)
            {
                _entities[entity.Key] = entity.Id;
            }

            Each(document.Entities, "entities", (e, path) => errors.Try(path, () =>
            {
                var kind = Enum.Parse<EntityKind>(e.Kind!);
                if (Kept(practice.Entities, e.Key) is not { } kept)
                {
                    _entities[e.Key!.Trim()] = practice.AddEntity(e.Key, kind, Details(e)).Id;
                    return;
                }

                if (kept.Kind != kind)
                {
                    var what = kept.IsProfessional ? "professional entity" : "management company";
                    throw new DomainRuleException("Kind", $"{kept.LegalName} is a {what} and stays one; give the new entity a new key.");
                }

                practice.UpdateEntity(kept.Id, Details(e));
            }));
        }

        private void ReplacePeople()
        {
            foreach (var organization in practice.Organizations)
            {
                _owners[organization.Key] = StakeOwner.OfOrganization(organization.Id);
            }

            Each(document.People, "people", (p, path) =>
            {
                var person = errors.Try(path, () =>
                {
                    if (Kept(practice.People, p.Key) is { } kept)
                    {
                        practice.UpdatePerson(kept.Id, Details(p));
                        return kept;
                    }

                    return practice.AddPerson(p.Key, Details(p));
                });
                if (person is null)
                {
                    return;
                }

                _owners[person.Key] = StakeOwner.OfPerson(person.Id);
                ReplaceLicenses(person, p.Licenses, $"{path}.licenses");
                ReplaceRoles(person, p.Roles, $"{path}.roles");
            });
        }

        private void ReplaceLicenses(Person person, IReadOnlyList<LicenseDocument>? licenses, string path) =>
            ReplaceOwn(person.Licenses, licenses, path, l => l.Key, Details,
                (license, details) => license.Type == details.Type && license.State == details.State && license.Number == details.Number.Trim(),
                (key, details) => practice.AddLicense(person.Id, key, details),
                (license, details) => practice.UpdateLicense(person.Id, license.Id, details),
                license => practice.RemoveLicense(person.Id, license.Id));

        private void ReplaceRoles(Person person, IReadOnlyList<RoleDocument>? roles, string path) =>
            ReplaceOwn(person.Roles, roles, path, r => r.Key, r => Details(r, _entities),
                (role, details) => role.EntityId == details.EntityId && role.Kind == details.Kind && role.From == details.From,
                (key, details) => practice.AddRole(person.Id, key, details),
                (role, details) => practice.UpdateRole(person.Id, role.Id, details),
                role => practice.RemoveRole(person.Id, role.Id));

        /// <summary>
        /// A person's own records (licenses, roles), whose keys are optional: matched by key, or without
        /// one by <paramref name="isSame"/>; the unmatched ones are removed.
        /// </summary>
        private void ReplaceOwn<TDocument, TRecord, TDetails>(
            IReadOnlyCollection<TRecord> records, IReadOnlyList<TDocument>? documents, string path, Func<TDocument, string?> key, Func<TDocument, TDetails> details,
            Func<TRecord, TDetails, bool> isSame, Func<string?, TDetails, TRecord> add, Action<TRecord, TDetails> update, Action<TRecord> remove)
            where TRecord : PracticeRecord
        {
            var matched = new HashSet<Guid>();
            Each(documents, path, (document, recordPath) => errors.Try(recordPath, () =>
            {
                var wanted = details(document);
                var kept = key(document) is { } recordKey
                    ? Kept(records, recordKey)
                    : records.FirstOrDefault(r => !matched.Contains(r.Id) && isSame(r, wanted));
                if (kept is null)
                {
                    matched.Add(add(key(document), wanted).Id);
                    return;
                }

                matched.Add(kept.Id);
                update(kept, wanted);
            }));
            foreach (var gone in records.Where(r => !matched.Contains(r.Id)).ToList())
            {
                remove(gone);
            }
        }

        private void ReplaceOrganizations() =>
            Each(document.Organizations, "organizations", (o, path) => errors.Try(path, () =>
            {
                var kind = Enum.Parse<OrganizationKind>(o.Kind!);
                if (Kept(practice.Organizations, o.Key) is { } kept)
                {
                    practice.UpdateOrganization(kept.Id, o.Name!, kind);
                }
                else
                {
                    _owners[o.Key!.Trim()] = StakeOwner.OfOrganization(practice.AddOrganization(o.Key, o.Name!, kind).Id);
                }
            }));

        // All at once: the 100% rule holds for the document's stakes (the validator checked), not
        // necessarily for every step of changing them one by one.
        private void ReplaceStakes()
        {
            var stakes = new List<(string, StakeDetails)>();
            Each(document.Ownership, "ownership", (s, path) => errors.Try(path, () => stakes.Add((s.Key!.Trim(), Details(s, _entities, _owners)))));
            if (stakes.Count == (document.Ownership?.Count ?? 0))
            {
                errors.Try("ownership", () => practice.ReplaceStakes(stakes));
            }
        }

        private void ReplaceAgreements() =>
            Each(document.Agreements, "agreements", (a, path) => errors.Try(path, () =>
            {
                var type = Enum.Parse<AgreementType>(a.Type!);
                var (managementCompany, professionalEntity) = (EntityId(_entities, a.ManagementCompany), EntityId(_entities, a.ProfessionalEntity));
                var terms = Terms(a).Validated();
                var outsideReview = OutsideReview(a, _today);
                var agreement = Kept(practice.Agreements, a.Key);
                if (agreement is null)
                {
                    agreement = practice.AddAgreement(a.Key, type, Title(a), managementCompany, professionalEntity, terms);
                }
                else if (agreement.Type != type)
                {
                    throw new DomainRuleException("Type", $"{agreement.Title} is a {AgreementLabels.Of(agreement.Type)} and stays one; give the new agreement a new key.");
                }
                else if (agreement.Status is AgreementStatus.Executed or AgreementStatus.Terminated)
                {
                    ChangeExecuted(agreement, a, managementCompany, professionalEntity, terms, outsideReview);
                }
                else
                {
                    practice.ReviseAgreement(agreement.Id, Title(a), managementCompany, professionalEntity, terms, now);
                }

                var status = Enum.Parse<AgreementStatus>(a.Status!);
                if (status != agreement.Status)
                {
                    try
                    {
                        agreement.MoveTo(status, role, outsideReview);
                    }
                    catch (NotPermittedException refused)
                    {
                        throw new NotPermittedException($"Agreement '{agreement.Key}' ({agreement.Title}) was not changed, and nothing else was: {refused.Message}");
                    }
                }
                else if (outsideReview is not null && agreement.OutsideReview is null)
                {
                    throw new DomainRuleException("OutsideReview", "An outside review is recorded when the agreement is recorded as executed, from a status before that.");
                }
            }));

        /// <summary>An executed agreement keeps its parties and title; its terms change by amendment, from the document's amendment date.</summary>
        private void ChangeExecuted(Agreement agreement, AgreementDocument a, Guid? managementCompany, Guid? professionalEntity, MsaTerms terms, OutsideReview? outsideReview)
        {
            if (managementCompany != agreement.ManagementCompanyId || professionalEntity != agreement.ProfessionalEntityId || Title(a) != agreement.Title)
            {
                throw new DomainRuleException("Title", $"{agreement.Title} is {AgreementWorkflow.Words(agreement.Status)}: its title and parties stay as signed.");
            }

            if (outsideReview is not null && outsideReview != agreement.OutsideReview)
            {
                throw new DomainRuleException("OutsideReview", "The outside review was recorded when the agreement was executed and does not change.");
            }

            if (terms == agreement.Terms)
            {
                return;
            }

            if (Date(a.AmendmentEffectiveOn) is not { } effectiveOn || effectiveOn == agreement.CurrentVersionEffectiveOn)
            {
                throw new DomainRuleException("AmendmentEffectiveOn",
                    "An executed agreement's terms change only by amendment: give amendmentEffectiveOn, the date the new terms take effect.");
            }

            agreement.Amend(terms, effectiveOn, now);
        }

        private void RemoveGoneFinancialMonths()
        {
            var wanted = (document.Financials ?? []).Select(f => (f.Entity!.Trim().ToUpperInvariant(), f.Month!.Trim())).ToHashSet();
            var keys = practice.Entities.ToDictionary(e => e.Id, e => e.Key.ToUpperInvariant());
            foreach (var gone in practice.FinancialMonths.Where(f => !wanted.Contains((keys[f.EntityId], f.Month.ToString()))).ToList())
            {
                practice.RemoveFinancialMonth(gone.Id);
            }
        }

        private void RemoveGone<T>(IReadOnlyCollection<T> records, HashSet<string> kept, Action<T> remove, string path)
            where T : PracticeRecord
        {
            foreach (var gone in records.Where(r => !kept.Contains(r.Key)).ToList())
            {
                errors.Try(path, () =>
                {
                    try
                    {
                        remove(gone);
                    }
                    catch (DomainRuleException refused)
                    {
                        throw new DomainRuleException("", $"'{gone.Key}' is not in the document but cannot be removed: {refused.Message}");
                    }
                });
            }
        }

        private static T? Kept<T>(IEnumerable<T> records, string? key)
            where T : PracticeRecord =>
            key is null ? null : records.FirstOrDefault(r => string.Equals(r.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

        private static HashSet<string> KeysOf<T>(IReadOnlyList<T>? records, Func<T, string?> key) =>
            (records ?? []).Select(key).OfType<string>().Select(k => k.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
