using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>A professional entity or management company, as its dialog edits it.</summary>
public sealed class LegalEntityForm
{
    public EntityKind Kind { get; set; }

    public string LegalName { get; set; } = "";

    public string? Dba { get; set; }

    public EntityForm Form { get; set; }

    public string? StateOfFormation { get; set; }

    public EntityStatus Status { get; set; } = EntityStatus.Planned;

    public string? Ein { get; set; }

    public DateTime? FormedOn { get; set; }

    public string? RegisteredAgent { get; set; }

    public int? AnnualReportDueMonth { get; set; }

    public int? AnnualReportDueDay { get; set; }

    public string? Notes { get; set; }

    public static LegalEntityForm New(EntityKind kind, StateCode state) => new()
    {
        Kind = kind,
        Form = kind == EntityKind.ProfessionalEntity ? EntityForm.PLLC : EntityForm.LLC,
        StateOfFormation = state.Value,
    };

    public static LegalEntityForm From(LegalEntity entity) => new()
    {
        Kind = entity.Kind,
        LegalName = entity.LegalName,
        Dba = entity.Dba,
        Form = entity.Form,
        StateOfFormation = entity.StateOfFormation.Value,
        Status = entity.Status,
        Ein = entity.Ein?.Value,
        FormedOn = entity.FormedOn.ToPickerValue(),
        RegisteredAgent = entity.RegisteredAgent,
        AnnualReportDueMonth = entity.AnnualReportDueMonth,
        AnnualReportDueDay = entity.AnnualReportDueDay,
        Notes = entity.Notes,
    };

    public LegalEntityDetails ToDetails() => new(
        LegalName, Form, StateCode.From(StateOfFormation, "StateOfFormation"), Status, Dba, Ein,
        FormedOn.ToDateOnly(), RegisteredAgent, AnnualReportDueMonth, AnnualReportDueDay, Notes);
}

public sealed class LegalEntityFormValidator : AbstractValidator<LegalEntityForm>
{
    public LegalEntityFormValidator()
    {
        RuleFor(f => f.LegalName).RequiredName("Legal name");
        RuleFor(f => f.Dba).OptionalName("DBA");
        RuleFor(f => f.Form).IsInEnum().WithMessage("Form must be one of PC, PLLC, PA, LLC, LLP or CORP.");
        RuleFor(f => f.StateOfFormation).StateCode("State of formation");
        RuleFor(f => f.Status).IsInEnum().WithMessage("Status must be Planned, Filed, Active or Dissolved.");
        RuleFor(f => f.Ein).Satisfies(ein => string.IsNullOrWhiteSpace(ein) ? null : Ein.Validate(ein));
        RuleFor(f => f.FormedOn).DateInRange("Formed on");
        RuleFor(f => f.RegisteredAgent).OptionalName("Registered agent");
        RuleFor(f => f.AnnualReportDueMonth).Satisfies((f, month) => LegalEntity.ValidateAnnualReportDueMonth(month, f.AnnualReportDueDay));
        RuleFor(f => f.AnnualReportDueDay).Satisfies((f, day) => LegalEntity.ValidateAnnualReportDueDay(f.AnnualReportDueMonth, day));
        RuleFor(f => f.Notes).FreeText("Notes");
    }
}

/// <summary>MudDatePicker works in DateTime; the domain in DateOnly.</summary>
public static class DatePickerValues
{
    public static DateOnly? ToDateOnly(this DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;

    public static DateTime? ToPickerValue(this DateOnly? value) => value?.ToDateTime(TimeOnly.MinValue);
}
