using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>
/// One med spa business and its structure: locations, entities, people (with licenses and roles),
/// outside organisations, ownership stakes, agreements, financial months and setup tasks. The
/// aggregate root: every record inside is changed through it, so it can guard the rules that span
/// records (owners and parties belong to this practice; no entity is over 100% owned on any date).
/// </summary>
public sealed class Practice : IWorkspaceOwned
{
    private readonly List<Location> _locations = [];
    private readonly List<LegalEntity> _entities = [];
    private readonly List<Person> _people = [];
    private readonly List<Organization> _organizations = [];
    private readonly List<OwnershipStake> _stakes = [];
    private readonly List<Agreement> _agreements = [];
    private readonly List<FinancialMonth> _financialMonths = [];
    private readonly List<SetupTask> _setupTasks = [];

    private Practice()
    {
        Name = "";
        PrimaryState = null!;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public string Name { get; private set; }

    public StateCode PrimaryState { get; private set; }

    public PracticeStatus Status { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When set, the practice is archived: out of lists, restorable, still in the audit trail.</summary>
    public DateTimeOffset? ArchivedAt { get; private set; }

    public IReadOnlyCollection<Location> Locations => _locations.AsReadOnly();

    public IReadOnlyCollection<LegalEntity> Entities => _entities.AsReadOnly();

    public IReadOnlyCollection<Person> People => _people.AsReadOnly();

    public IReadOnlyCollection<Organization> Organizations => _organizations.AsReadOnly();

    public IReadOnlyCollection<OwnershipStake> Stakes => _stakes.AsReadOnly();

    public IReadOnlyCollection<Agreement> Agreements => _agreements.AsReadOnly();

    public IReadOnlyCollection<FinancialMonth> FinancialMonths => _financialMonths.AsReadOnly();

    public IReadOnlyCollection<SetupTask> SetupTasks => _setupTasks.AsReadOnly();

    /// <summary>The states of its locations, or the primary state when it has none.</summary>
    public IReadOnlyList<StateCode> StatesOfOperation =>
        _locations.Count == 0 ? [PrimaryState] : [.. _locations.Select(l => l.State).Distinct().OrderBy(s => s.Value, StringComparer.Ordinal)];

    public static Practice Create(Guid workspaceId, string name, StateCode primaryState, PracticeStatus status, string? notes, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Name = Text.RequireName(name, "Name"),
            PrimaryState = primaryState,
            Status = status,
            Notes = Text.OptionalFreeText(notes, "Notes"),
            CreatedAt = now,
        };

    public void UpdateDetails(string name, StateCode primaryState, PracticeStatus status, string? notes)
    {
        Name = Text.RequireName(name, "Name");
        PrimaryState = primaryState;
        Status = status;
        Notes = Text.OptionalFreeText(notes, "Notes");
    }

    public void Archive(DateTimeOffset now) => ArchivedAt ??= now;

    public void Restore() => ArchivedAt = null;

    // ---- Locations

    public Location AddLocation(string? key, LocationDetails details) =>
        Added(_locations, new Location(this, KeyFor(key, details.City, _locations), details));

    public void UpdateLocation(Guid id, LocationDetails details) => Find(_locations, id, "Location").Apply(details);

    public void RemoveLocation(Guid id) => _locations.Remove(Find(_locations, id, "Location"));

    // ---- Entities

    public LegalEntity AddEntity(string? key, EntityKind kind, LegalEntityDetails details) =>
        Added(_entities, new LegalEntity(this, KeyFor(key, details.LegalName, _entities), kind, details));

    public void UpdateEntity(Guid id, LegalEntityDetails details) => FindEntity(id).Apply(details);

    public void RemoveEntity(Guid id)
    {
        var entity = FindEntity(id);
        if (_stakes.Any(s => s.EntityId == id) || _agreements.Any(a => a.ManagementCompanyId == id || a.ProfessionalEntityId == id)
            || _financialMonths.Any(f => f.EntityId == id) || _people.Any(p => p.Roles.Any(r => r.EntityId == id)))
        {
            throw new DomainRuleException("Entity", $"{entity.LegalName} still has stakes, roles, agreements or financial months; remove those first.");
        }

        _entities.Remove(entity);
        UnlinkTasksFrom(id);
    }

    public LegalEntity FindEntity(Guid id) => Find(_entities, id, "Entity");

    // ---- People, licenses, roles

    public Person AddPerson(string? key, PersonDetails details) =>
        Added(_people, new Person(this, KeyFor(key, details.Name, _people), details));

    public void UpdatePerson(Guid id, PersonDetails details) => FindPerson(id).Apply(details);

    public void RemovePerson(Guid id)
    {
        var person = FindPerson(id);
        if (_stakes.Any(s => s.OwnerPersonId == id))
        {
            throw new DomainRuleException("Person", $"{person.Name} still owns stakes; end or remove them first.");
        }

        _people.Remove(person);
        UnlinkTasksFrom(id);
    }

    public Person FindPerson(Guid id) => Find(_people, id, "Person");

    public License AddLicense(Guid personId, string? key, LicenseDetails details) => FindPerson(personId).AddLicense(this, key, details);

    public void UpdateLicense(Guid personId, Guid licenseId, LicenseDetails details) => FindPerson(personId).FindLicense(licenseId).Apply(details);

    public void RemoveLicense(Guid personId, Guid licenseId) => FindPerson(personId).RemoveLicense(licenseId);

    public EntityRole AddRole(Guid personId, string? key, EntityRoleDetails details)
    {
        FindEntity(details.EntityId);
        return FindPerson(personId).AddRole(this, key, details);
    }

    public void UpdateRole(Guid personId, Guid roleId, EntityRoleDetails details)
    {
        FindEntity(details.EntityId);
        FindPerson(personId).FindRole(roleId).Apply(details);
    }

    public void RemoveRole(Guid personId, Guid roleId) => FindPerson(personId).RemoveRole(roleId);

    // ---- Organisations

    public Organization AddOrganization(string? key, string name, OrganizationKind kind) =>
        Added(_organizations, new Organization(this, KeyFor(key, name, _organizations), name, kind));

    public void UpdateOrganization(Guid id, string name, OrganizationKind kind) => Find(_organizations, id, "Organization").Apply(name, kind);

    public void RemoveOrganization(Guid id)
    {
        var organization = Find(_organizations, id, "Organization");
        if (_stakes.Any(s => s.OwnerOrganizationId == id))
        {
            throw new DomainRuleException("Organization", $"{organization.Name} still owns stakes; end or remove them first.");
        }

        _organizations.Remove(organization);
    }

    // ---- Ownership

    public OwnershipStake AddStake(string? key, StakeDetails details)
    {
        CheckStake(details, replacing: null);
        return Added(_stakes, new OwnershipStake(this, StakeKey(key, details.Owner, details.EntityId), details));
    }

    public void UpdateStake(Guid id, StakeDetails details)
    {
        var stake = Find(_stakes, id, "Stake");
        CheckStake(details, replacing: stake);
        stake.Apply(details);
    }

    public void RemoveStake(Guid id) => _stakes.Remove(Find(_stakes, id, "Stake"));

    /// <summary>
    /// Sets the practice's stakes to exactly <paramref name="stakes"/>, matched by key: a kept key is
    /// changed in place (same id), a new key added, a missing one removed. The 100% rule is checked
    /// on the result, so two stakes that trade percentages are not refused halfway. A refused stake
    /// is named by its position in the list (<see cref="DomainRuleException.Index"/>).
    /// </summary>
    public void ReplaceStakes(IReadOnlyList<(string Key, StakeDetails Details)> stakes)
    {
        for (var i = 0; i < stakes.Count; i++)
        {
            var index = i;
            DomainRuleException.AtIndex(index, () => CheckStakeAlone(stakes[index].Details));
        }

        var wanted = stakes.Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _stakes.RemoveAll(s => !wanted.Contains(s.Key));
        foreach (var (key, details) in stakes)
        {
            if (_stakes.Find(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)) is { } kept)
            {
                kept.Apply(details);
            }
            else
            {
                _stakes.Add(new OwnershipStake(this, StakeKey(key, details.Owner, details.EntityId), details));
            }
        }

        foreach (var entityId in stakes.Select(s => s.Details.EntityId).Distinct())
        {
            var periods = _stakes.Where(s => s.EntityId == entityId).Select(s => (s.Percent.Value, s.From, s.To));
            if (StakeTotals.FirstOverAllocation(periods) is var (total, on))
            {
                var first = stakes.Select((s, i) => (s.Details.EntityId, Index: i)).First(s => s.EntityId == entityId).Index;
                throw new DomainRuleException("Percent",
                    $"The stakes in {FindEntity(entityId).LegalName} would add up to {total:0.##}% {StakeTotals.Describe(on)}; at most 100% can be owned on any date.")
                { Index = first };
            }
        }
    }

    /// <summary>
    /// Ends a stake on <paramref name="on"/> and gives the same percentage, for the rest of the
    /// stake's period, to <paramref name="to"/>. Totals are unchanged on every date, so the 100% rule holds.
    /// </summary>
    public OwnershipStake TransferStake(Guid stakeId, StakeOwner to, DateOnly on)
    {
        var stake = Find(_stakes, stakeId, "Stake");
        DomainRuleException.ThrowIf("On", OwnershipStake.ValidateTransferDate(on, stake.From, stake.To));

        var newOwnerName = OwnerName(to);
        if (to.PersonId == stake.OwnerPersonId && to.OrganizationId == stake.OwnerOrganizationId)
        {
            throw new DomainRuleException("Owner", $"{newOwnerName} already holds this stake.");
        }

        var current = stake.OwnerPersonId is { } personId ? StakeOwner.OfPerson(personId) : StakeOwner.OfOrganization(stake.OwnerOrganizationId!.Value);
        var successor = new OwnershipStake(this, StakeKey(null, to, stake.EntityId),
            new StakeDetails(stake.EntityId, to, stake.Percent, on, stake.To));
        stake.Apply(new StakeDetails(stake.EntityId, current, stake.Percent, stake.From, on));
        return Added(_stakes, successor);
    }

    /// <summary>The total percentage of an entity held on a date.</summary>
    public decimal OwnedPercentOn(Guid entityId, DateOnly date) =>
        _stakes.Where(s => s.EntityId == entityId && s.IsHeldOn(date)).Sum(s => s.Percent.Value);

    /// <summary>The display name of a stake's owner.</summary>
    public string OwnerName(StakeOwner owner) =>
        owner.PersonId is { } personId ? FindPerson(personId).Name : Find(_organizations, owner.OrganizationId!.Value, "Organization").Name;

    // ---- Agreements

    /// <summary>A new agreement, as a draft: any other status is reached through the review (<see cref="Agreement.MoveTo"/>).</summary>
    public Agreement AddAgreement(string? key, AgreementType type, string title, Guid? managementCompanyId, Guid? professionalEntityId, MsaTerms terms)
    {
        CheckParties(type, managementCompanyId, professionalEntityId);
        return Added(_agreements, new Agreement(this, KeyFor(key, title, _agreements), type, title, managementCompanyId, professionalEntityId, terms));
    }

    /// <summary>An agreement that arrives in the status it already has (an import); it is marked as imported.</summary>
    public Agreement ImportAgreement(
        string? key, AgreementType type, string title, Guid? managementCompanyId, Guid? professionalEntityId, MsaTerms terms,
        AgreementStatus status, OutsideReview? outsideReview = null, DateOnly? amendedFrom = null)
    {
        CheckParties(type, managementCompanyId, professionalEntityId);
        return Added(_agreements, Agreement.Imported(
            this, KeyFor(key, title, _agreements), type, title, managementCompanyId, professionalEntityId, terms, status, outsideReview, amendedFrom));
    }

    /// <summary>Changes a draft's title, parties and terms; the previous ones are kept as a version.</summary>
    public void ReviseAgreement(Guid id, string title, Guid? managementCompanyId, Guid? professionalEntityId, MsaTerms terms, DateTimeOffset now)
    {
        var agreement = FindAgreement(id);
        CheckParties(agreement.Type, managementCompanyId, professionalEntityId);
        agreement.Revise(terms, title, managementCompanyId, professionalEntityId, now);
    }

    public Agreement FindAgreement(Guid id) => Find(_agreements, id, "Agreement");

    /// <summary>
    /// A copy of the practice in which one agreement reads as another of its versions (see
    /// <see cref="Agreement.AsVersion"/>): what the compliance engine would find under that version, all
    /// else as it is now. The records are shared, read only, and this practice is left as it was; the
    /// copy is for evaluating (<see cref="AgreementComparison"/>), never for changing or saving.
    /// </summary>
    internal Practice WithAgreementVersion(Guid agreementId, AgreementTermsVersion version)
    {
        var replaced = FindAgreement(agreementId);
        var copy = new Practice
        {
            Id = Id,
            WorkspaceId = WorkspaceId,
            Name = Name,
            PrimaryState = PrimaryState,
            Status = Status,
            Notes = Notes,
            CreatedAt = CreatedAt,
            ArchivedAt = ArchivedAt,
        };
        copy._locations.AddRange(_locations);
        copy._entities.AddRange(_entities);
        copy._people.AddRange(_people);
        copy._organizations.AddRange(_organizations);
        copy._stakes.AddRange(_stakes);
        copy._agreements.AddRange(_agreements.Select(a => a == replaced ? a.AsVersion(version) : a));
        copy._financialMonths.AddRange(_financialMonths);
        copy._setupTasks.AddRange(_setupTasks);
        return copy;
    }

    /// <summary>Removes an agreement that was never executed (an executed one is terminated, not removed).</summary>
    public void RemoveAgreement(Guid id)
    {
        var agreement = FindAgreement(id);
        if (agreement.Status is AgreementStatus.Executed or AgreementStatus.Terminated)
        {
            throw new DomainRuleException("Agreement", "An executed agreement stays on record; terminate it instead.");
        }

        _agreements.Remove(agreement);
        UnlinkTasksFrom(id);
    }

    // ---- Financial months

    /// <summary>Records (or corrects) a professional entity's figures for a month.</summary>
    public FinancialMonth RecordFinancialMonth(Guid entityId, YearMonth month, FinancialFigures figures)
    {
        var entity = FindEntity(entityId);
        if (!entity.IsProfessional)
        {
            throw new DomainRuleException("Entity", "Financial months are kept for the professional entity.");
        }

        if (_financialMonths.SingleOrDefault(f => f.EntityId == entityId && f.Month == month) is { } existing)
        {
            existing.Apply(figures);
            return existing;
        }

        return Added(_financialMonths, new FinancialMonth(this, KeyFor(null, $"{entity.Key}-{month}", _financialMonths), entityId, month, figures));
    }

    public void RemoveFinancialMonth(Guid id) => _financialMonths.Remove(Find(_financialMonths, id, "FinancialMonth"));

    // ---- Setup tasks

    public SetupTask AddSetupTask(string? key, SetupTaskDetails details)
    {
        CheckRecordReference(details.RecordId);
        return Added(_setupTasks, new SetupTask(this, KeyFor(key, details.Title, _setupTasks), details));
    }

    public void UpdateSetupTask(Guid id, SetupTaskDetails details)
    {
        CheckRecordReference(details.RecordId);
        Find(_setupTasks, id, "SetupTask").Apply(details);
    }

    public void ChangeSetupTaskStatus(Guid id, SetupTaskStatus status) => Find(_setupTasks, id, "SetupTask").ChangeStatus(status);

    public void RemoveSetupTask(Guid id) => _setupTasks.Remove(Find(_setupTasks, id, "SetupTask"));

    private void UnlinkTasksFrom(Guid recordId)
    {
        foreach (var task in _setupTasks.Where(t => t.RecordId == recordId))
        {
            task.Unlink();
        }
    }

    internal static DomainRuleException Gone(string what) =>
        new(what, $"That {what.ToLowerInvariant()} is no longer part of the practice; reload the page.");

    // Ids are unique: the first match is the one (Single would scan the whole list on every lookup).
    private static T Find<T>(List<T> records, Guid id, string what)
        where T : PracticeRecord => records.Find(r => r.Id == id) ?? throw Gone(what);

    private static T Added<T>(List<T> records, T record)
    {
        records.Add(record);
        return record;
    }

    private static string KeyFor<T>(string? key, string name, List<T> records)
        where T : PracticeRecord => RecordKey.Choose(key, name, records.Select(r => r.Key));

    private string StakeKey(string? key, StakeOwner owner, Guid entityId) =>
        KeyFor(key, $"{OwnerName(owner)}-{FindEntity(entityId).LegalName}", _stakes);

    private void CheckParties(AgreementType type, Guid? managementCompanyId, Guid? professionalEntityId)
    {
        if (type != AgreementType.ManagementServicesAgreement)
        {
            foreach (var id in new[] { managementCompanyId, professionalEntityId }.OfType<Guid>())
            {
                FindEntity(id);
            }

            return;
        }

        if (managementCompanyId is not { } msoId || FindEntity(msoId).Kind != EntityKind.ManagementCompany)
        {
            throw new DomainRuleException("ManagementCompany", Agreement.ManagementCompanyRequiredMessage);
        }

        if (professionalEntityId is not { } pcId || FindEntity(pcId).Kind != EntityKind.ProfessionalEntity)
        {
            throw new DomainRuleException("ProfessionalEntity", Agreement.ProfessionalEntityRequiredMessage);
        }
    }

    private void CheckRecordReference(Guid? recordId)
    {
        if (recordId is { } id && !_entities.Any(e => e.Id == id) && !_people.Any(p => p.Id == id) && !_agreements.Any(a => a.Id == id))
        {
            throw new DomainRuleException("Record", "A setup task can only link to an entity, person or agreement of this practice.");
        }
    }

    /// <summary>What a stake must be on its own: of an entity and owner of this practice, over 0%, a valid period.</summary>
    private LegalEntity CheckStakeAlone(StakeDetails details)
    {
        var entity = FindEntity(details.EntityId);
        _ = OwnerName(details.Owner);
        DomainRuleException.ThrowIf("Percent", Percentage.Validate(details.Percent.Value, "Percent", allowZero: false));
        Dates.CheckPeriod(details.From, details.To, "From", "To");
        return entity;
    }

    private void CheckStake(StakeDetails details, OwnershipStake? replacing)
    {
        var entity = CheckStakeAlone(details);
        var others = _stakes.Where(s => s.EntityId == entity.Id && s != replacing).ToList();

        // The others keep to 100% already, so only dates in the new period can go over; when even every
        // stake overlapping it, held at once, stays within 100%, none does. Spares the sweep (n log n)
        // per stake when a document adds thousands.
        var overlapping = details.Percent.Value;
        foreach (var other in others)
        {
            if ((other.From is null || details.To is null || other.From < details.To) && (details.From is null || other.To is null || details.From < other.To))
            {
                overlapping += other.Percent.Value;
            }
        }

        if (overlapping <= 100)
        {
            return;
        }

        var periods = others.Select(s => (s.Percent.Value, s.From, s.To)).Append((details.Percent.Value, details.From, details.To));
        if (StakeTotals.FirstOverAllocation(periods) is var (total, on))
        {
            throw new DomainRuleException("Percent", $"The stakes in {entity.LegalName} would add up to {total:0.##}% {StakeTotals.Describe(on)}; at most 100% can be owned on any date.");
        }
    }
}
