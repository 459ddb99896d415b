using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>A natural person in a practice: may own stakes, hold licenses and hold roles at entities.</summary>
public sealed partial class Person : PracticeRecord
{
    public const int PhoneMaxLength = 40;

    /// <summary>The fewest digits a phone number has (before any extension): a local number without its area code.</summary>
    public const int PhoneMinDigits = 7;

    /// <summary>What a phone number must look like, in the words every form and the API use.</summary>
    public const string PhoneMessage =
        "Phone must be a phone number of at least 7 digits, written with digits, spaces and + - ( ) . only, optionally with an extension such as x123.";

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

    /// <summary>
    /// The message when an optional phone number is not one: at most <see cref="PhoneMaxLength"/>
    /// characters; digits, spaces, '+', '-', '(', ')' and '.' with at least <see cref="PhoneMinDigits"/>
    /// digits; then optionally an extension ("x123", "ext. 123"). Null when it is one, or blank.
    /// </summary>
    public static string? ValidatePhone(string? phone)
    {
        var trimmed = phone?.Trim() ?? "";
        return trimmed.Length == 0 ? null
            : trimmed.Length > PhoneMaxLength ? $"Phone must be at most {PhoneMaxLength} characters."
            : Text.ValidateClean(trimmed, "Phone") ?? (IsPhoneNumber(trimmed) ? null : PhoneMessage);
    }

    [MemberNotNull(nameof(Name))]
    internal void Apply(PersonDetails details)
    {
        var name = Text.RequireName(details.Name, "Name");
        DomainRuleException.ThrowIf("Email", Text.ValidateEmail(details.Email));
        DomainRuleException.ThrowIf("Phone", ValidatePhone(details.Phone));

        Name = name;
        Email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim();
        Phone = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone.Trim();
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

    private static bool IsPhoneNumber(string phone) =>
        PhoneFormat().Match(phone) is { Success: true } match && match.Groups["number"].Value.Count(char.IsAsciiDigit) >= PhoneMinDigits;

    [GeneratedRegex(@"^(?<number>[0-9+().\- ]+?)(\s*(x|ext\.?)\s*[0-9]{1,10})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhoneFormat();
}

public sealed record PersonDetails(string Name, string? Email = null, string? Phone = null);

/// <summary>A professional license held by a person.</summary>
public sealed class License : PracticeRecord
{
    public const int NumberMaxLength = 40;

    public const string ExpiryBeforeIssueMessage = "Expires on must not be before issued on.";

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

    /// <summary>The message when a license number is blank, longer than <see cref="NumberMaxLength"/> or not one line, or null.</summary>
    public static string? ValidateNumber(string? number) => Text.ValidateName(number, "License number", NumberMaxLength);

    /// <summary><see cref="ExpiryBeforeIssueMessage"/> when both dates are known and the license expires before it was issued.</summary>
    public static string? ValidateExpiry(DateOnly? issuedOn, DateOnly? expiresOn) =>
        issuedOn is not null && expiresOn is not null && expiresOn < issuedOn ? ExpiryBeforeIssueMessage : null;

    [MemberNotNull(nameof(Number), nameof(State))]
    internal void Apply(LicenseDetails details)
    {
        DomainRuleException.ThrowIf("Number", ValidateNumber(details.Number));
        var issuedOn = Dates.Check(details.IssuedOn, "IssuedOn", "Issued on");
        var expiresOn = Dates.Check(details.ExpiresOn, "ExpiresOn", "Expires on");
        DomainRuleException.ThrowIf("ExpiresOn", ValidateExpiry(issuedOn, expiresOn));

        Type = details.Type;
        State = details.State;
        Number = details.Number.Trim();
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
