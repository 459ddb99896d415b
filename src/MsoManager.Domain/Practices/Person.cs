using System.Diagnostics.CodeAnalysis;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>A natural person in a practice: may own stakes, hold licenses and hold roles at entities.</summary>
public sealed class Person : PracticeRecord
{
    public const int PhoneMaxLength = 40;

    private readonly List<License> _licenses = [];
    private readonly List<EntityRole> _roles = [];

    private Person()
    {
        Name = "";
    }

    internal Person(Practice practice, string key, PersonDetails details)
        : base(practice, key) => Apply(details);

    public string Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public IReadOnlyCollection<License> Licenses => _licenses.AsReadOnly();

    public IReadOnlyCollection<EntityRole> Roles => _roles.AsReadOnly();

    /// <summary>The person's licenses in force on <paramref name="date"/> in <paramref name="state"/>.</summary>
    public IEnumerable<License> LicensesInForce(DateOnly date, StateCode state) =>
        _licenses.Where(l => l.State == state && l.IsInForce(date));

    [MemberNotNull(nameof(Name))]
    internal void Apply(PersonDetails details)
    {
        var name = Text.RequireName(details.Name, "Name");
        var email = Text.RequireClean(details.Email?.Trim(), "Email");
        if (!string.IsNullOrEmpty(email) && (email.Length > Text.EmailMaxLength || !email.Contains('@', StringComparison.Ordinal)))
        {
            throw new DomainRuleException("Email", "Email must be a valid email address.");
        }

        var phone = Text.RequireClean(details.Phone?.Trim(), "Phone");
        if (phone is { Length: > PhoneMaxLength })
        {
            throw new DomainRuleException("Phone", $"Phone must be at most {PhoneMaxLength} characters.");
        }

        Name = name;
        Email = string.IsNullOrEmpty(email) ? null : email;
        Phone = string.IsNullOrEmpty(phone) ? null : phone;
    }

    internal License AddLicense(Practice practice, string? key, LicenseDetails details)
    {
        var license = new License(practice, this, RecordKey.Choose(key, $"{details.Type}-{details.State}", _licenses.Select(l => l.Key)), details);
        _licenses.Add(license);
        return license;
    }

    internal void RemoveLicense(Guid licenseId) => _licenses.Remove(FindLicense(licenseId));

    internal License FindLicense(Guid licenseId) =>
        _licenses.SingleOrDefault(l => l.Id == licenseId) ?? throw Practice.Gone("License");

    internal EntityRole AddRole(Practice practice, string? key, EntityRoleDetails details)
    {
        var role = new EntityRole(practice, this, RecordKey.Choose(key, details.Kind.ToString(), _roles.Select(r => r.Key)), details);
        _roles.Add(role);
        return role;
    }

    internal void RemoveRole(Guid roleId) => _roles.Remove(FindRole(roleId));

    internal EntityRole FindRole(Guid roleId) =>
        _roles.SingleOrDefault(r => r.Id == roleId) ?? throw Practice.Gone("Role");
}

public sealed record PersonDetails(string Name, string? Email = null, string? Phone = null);

/// <summary>A professional license held by a person.</summary>
public sealed class License : PracticeRecord
{
    public const int NumberMaxLength = 40;

    private License()
    {
        Number = "";
        State = null!;
    }

    internal License(Practice practice, Person person, string key, LicenseDetails details)
        : base(practice, key)
    {
        PersonId = person.Id;
        Apply(details);
    }

    public Guid PersonId { get; private set; }

    public LicenseType Type { get; private set; }

    public StateCode State { get; private set; }

    public string Number { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public LicenseStatus Status { get; private set; }

    /// <summary>In force: Active, issued on or before the date (if known), expiring on or after it (if known).</summary>
    public bool IsInForce(DateOnly date) =>
        Status == LicenseStatus.Active && (IssuedOn is null || IssuedOn <= date) && (ExpiresOn is null || ExpiresOn >= date);

    [MemberNotNull(nameof(Number), nameof(State))]
    internal void Apply(LicenseDetails details)
    {
        var number = details.Number?.Trim() ?? "";
        if (number.Length is 0 or > NumberMaxLength)
        {
            throw new DomainRuleException("Number", $"License number is required and at most {NumberMaxLength} characters.");
        }

        Text.RequireClean(number, "Number");

        var issuedOn = Dates.Check(details.IssuedOn, "IssuedOn");
        var expiresOn = Dates.Check(details.ExpiresOn, "ExpiresOn");
        if (issuedOn is not null && expiresOn is not null && expiresOn < issuedOn)
        {
            throw new DomainRuleException("ExpiresOn", "Expires on must not be before issued on.");
        }

        Type = details.Type;
        State = details.State;
        Number = number;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
        Status = details.Status;
    }
}

public sealed record LicenseDetails(LicenseType Type, StateCode State, string Number, LicenseStatus Status, DateOnly? IssuedOn = null, DateOnly? ExpiresOn = null);

/// <summary>A person's role at an entity (officer, director, medical director, employee...) over a period.</summary>
public sealed class EntityRole : PracticeRecord
{
    private EntityRole()
    {
    }

    internal EntityRole(Practice practice, Person person, string key, EntityRoleDetails details)
        : base(practice, key)
    {
        PersonId = person.Id;
        Apply(details);
    }

    public Guid PersonId { get; private set; }

    public Guid EntityId { get; private set; }

    public EntityRoleKind Kind { get; private set; }

    public DateOnly? From { get; private set; }

    /// <summary>Exclusive end.</summary>
    public DateOnly? To { get; private set; }

    public bool IsHeldOn(DateOnly date) => Dates.Covers(From, To, date);

    internal void Apply(EntityRoleDetails details)
    {
        Dates.CheckPeriod(details.From, details.To, "From", "To");
        EntityId = details.EntityId;
        Kind = details.Kind;
        From = details.From;
        To = details.To;
    }
}

public sealed record EntityRoleDetails(Guid EntityId, EntityRoleKind Kind, DateOnly? From = null, DateOnly? To = null);

/// <summary>An outside organisation that owns stakes (a company, a fund, a trust).</summary>
public sealed class Organization : PracticeRecord
{
    private Organization()
    {
        Name = "";
    }

    internal Organization(Practice practice, string key, string name, OrganizationKind kind)
        : base(practice, key) => Apply(name, kind);

    public string Name { get; private set; }

    public OrganizationKind Kind { get; private set; }

    [MemberNotNull(nameof(Name))]
    internal void Apply(string name, OrganizationKind kind)
    {
        Name = Text.RequireName(name, "Name");
        Kind = kind;
    }
}
