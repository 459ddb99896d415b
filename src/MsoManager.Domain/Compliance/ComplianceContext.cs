using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance;

/// <summary>
/// One evaluation's shared facts, computed once so that each rule is a plain loop: the live
/// professional entities and management companies, the stakes and roles held on the date, each
/// person's licenses in force, each professional entity's trailing financial window, the MSAs and
/// the state rows. Nothing here is a finding; the rules decide.
/// </summary>
internal sealed class ComplianceContext
{
    private readonly StateRuleBook _book;
    private readonly Dictionary<string, StateRule> _rowsByState = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, LegalEntity> _entities = [];
    private readonly Dictionary<Guid, Person> _people = [];
    private readonly Dictionary<Guid, Organization> _organizations = [];
    private readonly Dictionary<Guid, List<OwnershipStake>> _heldStakes = [];
    private readonly Dictionary<Guid, List<License>> _licensesInForce = [];
    private readonly Dictionary<Guid, FinancialWindow> _windows = [];

    public ComplianceContext(Practice practice, DateOnly asOf, StateRuleBook book)
    {
        Practice = practice;
        AsOf = asOf;
        _book = book;
        WarningEnd = asOf.AddDays(ComplianceEngine.ExpiryWarningDays);
        var thisMonth = YearMonth.Of(asOf);
        WindowStart = thisMonth.AddMonths(-ComplianceEngine.TrailingMonths);
        WindowEnd = thisMonth.AddMonths(-1);

        foreach (var entity in practice.Entities)
        {
            _entities[entity.Id] = entity;
            if (!entity.IsLive)
            {
                continue;
            }

            if (entity.IsProfessional)
            {
                ProfessionalEntities.Add(entity);
            }
            else
            {
                ManagementCompanies.Add(entity);
                HasActiveManagementCompany |= entity.Status == EntityStatus.Active;
            }
        }

        foreach (var organization in practice.Organizations)
        {
            _organizations[organization.Id] = organization;
        }

        foreach (var stake in practice.Stakes)
        {
            if (stake.IsHeldOn(asOf))
            {
                ListFor(_heldStakes, stake.EntityId).Add(stake);
            }
        }

        foreach (var person in practice.People)
        {
            _people[person.Id] = person;
            foreach (var license in person.Licenses)
            {
                if (license.IsInForce(asOf))
                {
                    ListFor(_licensesInForce, person.Id).Add(license);
                }
            }

            foreach (var role in person.Roles)
            {
                if (role.IsHeldOn(asOf) && _entities.TryGetValue(role.EntityId, out var entity) && entity.IsLive)
                {
                    RolesHeld.Add(new HeldRole(person, role.Kind, entity));
                }
            }
        }

        foreach (var month in practice.FinancialMonths)
        {
            if (month.Month >= WindowStart && month.Month <= WindowEnd)
            {
                _windows[month.EntityId] = _windows.GetValueOrDefault(month.EntityId).With(month);
            }
        }

        foreach (var agreement in practice.Agreements)
        {
            if (agreement.IsMsa)
            {
                Msas.Add(agreement);
                if (agreement.Status != AgreementStatus.Terminated)
                {
                    OpenMsas.Add(agreement);
                }
            }
        }

        StatesOfOperation = practice.StatesOfOperation;
    }

    public Practice Practice { get; }

    public DateOnly AsOf { get; }

    /// <summary>The last day of the expiry warning window (asOf + 90 days).</summary>
    public DateOnly WarningEnd { get; }

    /// <summary>The first month of the trailing window.</summary>
    public YearMonth WindowStart { get; }

    /// <summary>The last month of the trailing window (the month before asOf's).</summary>
    public YearMonth WindowEnd { get; }

    /// <summary>The live professional entities ("the PC" of the catalog).</summary>
    public List<LegalEntity> ProfessionalEntities { get; } = [];

    /// <summary>The live management companies ("the MSO" of the catalog).</summary>
    public List<LegalEntity> ManagementCompanies { get; } = [];

    public bool HasActiveManagementCompany { get; }

    /// <summary>Roles held on asOf at live entities.</summary>
    public List<HeldRole> RolesHeld { get; } = [];

    /// <summary>The MSAs of the practice, whatever their status.</summary>
    public List<Agreement> Msas { get; } = [];

    /// <summary>The MSAs that are not Terminated (whatever else their status), which most MSA rules check.</summary>
    public List<Agreement> OpenMsas { get; } = [];

    public IReadOnlyList<StateCode> StatesOfOperation { get; }

    /// <summary>The state's row, or the all-unknown row (the catalog's defaults) when the book has none.</summary>
    public StateRule RuleFor(StateCode state)
    {
        if (!_rowsByState.TryGetValue(state.Value, out var row))
        {
            row = _book.For(state);
            _rowsByState[state.Value] = row;
        }

        return row;
    }

    /// <summary>Whether the book has a row for the state (the rules assume defaults where it has not).</summary>
    public bool HasRowFor(StateCode state) => _book.Find(state) is not null;

    public LegalEntity? Entity(Guid? id) => id is { } value ? _entities.GetValueOrDefault(value) : null;

    /// <summary>The stakes in an entity held on asOf.</summary>
    public IReadOnlyList<OwnershipStake> HeldStakes(Guid entityId) => _heldStakes.TryGetValue(entityId, out var stakes) ? stakes : [];

    public decimal HeldPercent(Guid entityId)
    {
        var total = 0m;
        foreach (var stake in HeldStakes(entityId))
        {
            total += stake.Percent.Value;
        }

        return total;
    }

    /// <summary>The person owning a stake, or null when an organisation owns it.</summary>
    public Person? PersonOwning(OwnershipStake stake) => stake.OwnerPersonId is { } id ? _people.GetValueOrDefault(id) : null;

    public string OwnerName(OwnershipStake stake) =>
        PersonOwning(stake)?.Name ?? (stake.OwnerOrganizationId is { } id && _organizations.TryGetValue(id, out var organization) ? organization.Name : "An unnamed owner");

    /// <summary>The person's licenses in force on asOf, in every state.</summary>
    public IReadOnlyList<License> LicensesInForce(Guid personId) => _licensesInForce.TryGetValue(personId, out var licenses) ? licenses : [];

    /// <summary>Whether a license is one that lets its holder own <paramref name="pc"/> (its state, a type the state's row allows).</summary>
    public bool MakesEligible(License license, LegalEntity pc) =>
        license.State == pc.StateOfFormation && RuleFor(pc.StateOfFormation).PcOwnerLicenses.Contains(license.Type);

    /// <summary>Whether the person has a license in force on asOf that lets them own <paramref name="pc"/>.</summary>
    public bool IsEligibleOwner(Guid personId, LegalEntity pc)
    {
        foreach (var license in LicensesInForce(personId))
        {
            if (MakesEligible(license, pc))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The professional entity's financial months in the trailing window, summed.</summary>
    public FinancialWindow Window(Guid professionalEntityId) => _windows.GetValueOrDefault(professionalEntityId);

    /// <summary>How the MSA is named in messages: its title and its parties.</summary>
    public string Describe(Agreement msa) =>
        $"MSA \"{msa.Title}\" between {Entity(msa.ManagementCompanyId)?.LegalName ?? "a removed management company"} and {Entity(msa.ProfessionalEntityId)?.LegalName ?? "a removed professional entity"}";

    private static List<T> ListFor<T>(Dictionary<Guid, List<T>> lists, Guid key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists[key] = list;
        }

        return list;
    }
}

/// <summary>A role a person holds on asOf at a live entity.</summary>
internal readonly record struct HeldRole(Person Person, EntityRoleKind Kind, LegalEntity Entity);

/// <summary>A professional entity's financial months in the trailing window, summed; annualized where there are any.</summary>
internal readonly record struct FinancialWindow(int Months, decimal Collections, decimal ClinicalExpenses, decimal ManagementFeePaid)
{
    private const int MonthsPerYear = 12;

    /// <summary>What was left after clinical expenses and the management fee, over the window's months.</summary>
    public decimal Margin => Collections - ClinicalExpenses - ManagementFeePaid;

    /// <summary>Annual collections (sum x 12 / months), or null with no months.</summary>
    public decimal? AnnualCollections => Annualized(Collections);

    /// <summary>Annual management fee paid (sum x 12 / months), or null with no months.</summary>
    public decimal? AnnualFeePaid => Annualized(ManagementFeePaid);

    public FinancialWindow With(FinancialMonth month) =>
        new(Months + 1, Collections + month.Collections.Amount, ClinicalExpenses + month.ClinicalExpenses.Amount, ManagementFeePaid + month.ManagementFeePaid.Amount);

    private decimal? Annualized(decimal sum) => Months == 0 ? null : sum * MonthsPerYear / Months;
}
