using System.Diagnostics.CodeAnalysis;
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

    [MemberNotNull(nameof(LegalName), nameof(StateOfFormation))]
    internal void Apply(LegalEntityDetails details)
    {
        // Everything is checked before anything changes, so a refused update leaves the entity as it was.
        var legalName = Text.RequireName(details.LegalName, "LegalName");
        var dba = string.IsNullOrWhiteSpace(details.Dba) ? null : Text.RequireName(details.Dba, "Dba");
        var ein = string.IsNullOrWhiteSpace(details.Ein) ? null : Ein.From(details.Ein, "Ein");
        var formedOn = Dates.Check(details.FormedOn, "FormedOn");
        var agent = string.IsNullOrWhiteSpace(details.RegisteredAgent) ? null : Text.RequireName(details.RegisteredAgent, "RegisteredAgent");
        if ((details.AnnualReportDueMonth is null) != (details.AnnualReportDueDay is null))
        {
            throw new DomainRuleException("AnnualReportDue", "Annual report due date needs both a month and a day, or neither.");
        }

        if (details.AnnualReportDueMonth is { } month && details.AnnualReportDueDay is { } day
            && (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month)))
        {
            throw new DomainRuleException("AnnualReportDue", "Annual report due date must be a real month and day.");
        }

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
