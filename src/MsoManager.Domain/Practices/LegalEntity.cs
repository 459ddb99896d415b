using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>A professional entity (PC, PLLC, PA) or a management company (MSO) of a practice.</summary>
public sealed class LegalEntity : PracticeRecord
{
    private LegalEntity()
    {
        LegalName = "";
        StateOfFormation = null!;
    }

    internal LegalEntity(Practice practice, string key, EntityKind kind, LegalEntityDetails details)
        : base(practice, key)
    {
        Kind = kind;
        Apply(details);
    }

    public EntityKind Kind { get; private set; }

    public string LegalName { get; private set; }

    public string? Dba { get; private set; }

    public EntityForm Form { get; private set; }

    public StateCode StateOfFormation { get; private set; }

    public Ein? Ein { get; private set; }

    public DateOnly? FormedOn { get; private set; }

    public EntityStatus Status { get; private set; }

    public string? RegisteredAgent { get; private set; }

    /// <summary>Month (1-12) of the yearly annual report, with <see cref="AnnualReportDueDay"/>.</summary>
    public int? AnnualReportDueMonth { get; private set; }

    public int? AnnualReportDueDay { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Live unless dissolved: compliance rules consider live entities only.</summary>
    public bool IsLive => Status != EntityStatus.Dissolved;

    public bool IsProfessional => Kind == EntityKind.ProfessionalEntity;

    public string DisplayName => Dba is null ? LegalName : $"{LegalName} (dba {Dba})";

    /// <summary>
    /// The message when the annual report's month is wrong: missing while a day is given, or not 1 to 12.
    /// A wrong month is refused, never moved into range.
    /// </summary>
    public static string? ValidateAnnualReportDueMonth(int? month, int? day) =>
        month is null && day is not null ? "Annual report month is required with the day; give both, or neither."
        : month is < 1 or > 12 ? "Annual report month must be from 1 (January) to 12 (December)."
        : null;

    /// <summary>
    /// The message when the annual report's day is wrong: missing while a month is given, or not a day of
    /// that month. The due date recurs every year, so 29 February is allowed (it falls due in leap years).
    /// </summary>
    public static string? ValidateAnnualReportDueDay(int? month, int? day)
    {
        if (day is null)
        {
            return month is null ? null : "Annual report day is required with the month; give both, or neither.";
        }

        if (month is >= 1 and <= 12)
        {
            var last = DateTime.DaysInMonth(2024, month.Value);
            return day < 1 || day > last
                ? $"Annual report day must be from 1 to {last} in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Value)}."
                : null;
        }

        return day is < 1 or > 31 ? "Annual report day must be from 1 to 31." : null;
    }

    [MemberNotNull(nameof(LegalName), nameof(StateOfFormation))]
    internal void Apply(LegalEntityDetails details)
    {
        // Everything is checked before anything changes, so a refused update leaves the entity as it was.
        var legalName = Text.RequireName(details.LegalName, "LegalName", "Legal name");
        var dba = string.IsNullOrWhiteSpace(details.Dba) ? null : Text.RequireName(details.Dba, "Dba", "DBA");
        var ein = string.IsNullOrWhiteSpace(details.Ein) ? null : Ein.From(details.Ein, "Ein", "EIN");
        var formedOn = Dates.Check(details.FormedOn, "FormedOn", "Formed on");
        var agent = string.IsNullOrWhiteSpace(details.RegisteredAgent) ? null : Text.RequireName(details.RegisteredAgent, "RegisteredAgent", "Registered agent");
        DomainRuleException.ThrowIf("AnnualReportDueMonth", ValidateAnnualReportDueMonth(details.AnnualReportDueMonth, details.AnnualReportDueDay));
        DomainRuleException.ThrowIf("AnnualReportDueDay", ValidateAnnualReportDueDay(details.AnnualReportDueMonth, details.AnnualReportDueDay));
        var notes = Text.OptionalFreeText(details.Notes, "Notes");

        LegalName = legalName;
        Dba = dba;
        Form = details.Form;
        StateOfFormation = details.StateOfFormation;
        Ein = ein;
        FormedOn = formedOn;
        Status = details.Status;
        RegisteredAgent = agent;
        AnnualReportDueMonth = details.AnnualReportDueMonth;
        AnnualReportDueDay = details.AnnualReportDueDay;
        Notes = notes;
    }
}

/// <summary>The editable fields of a legal entity, as forms and imports supply them.</summary>
public sealed record LegalEntityDetails(
    string LegalName,
    EntityForm Form,
    StateCode StateOfFormation,
    EntityStatus Status,
    string? Dba = null,
    string? Ein = null,
    DateOnly? FormedOn = null,
    string? RegisteredAgent = null,
    int? AnnualReportDueMonth = null,
    int? AnnualReportDueDay = null,
    string? Notes = null);
