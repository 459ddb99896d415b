using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>A person's professional license, as its dialog edits it.</summary>
public sealed class LicenseForm
{
    public LicenseType Type { get; set; } = LicenseType.MD;

    public string? State { get; set; }

    public string Number { get; set; } = "";

    public LicenseStatus Status { get; set; } = LicenseStatus.Active;

    public DateTime? IssuedOn { get; set; }

    public DateTime? ExpiresOn { get; set; }

    /// <summary>A new license, in the practice's primary state where most of its licenses are held.</summary>
    public static LicenseForm New(StateCode state) => new() { State = state.Value };

    public static LicenseForm From(License license) => new()
    {
        Type = license.Type,
        State = license.State.Value,
        Number = license.Number,
        Status = license.Status,
        IssuedOn = license.IssuedOn.ToPickerValue(),
        ExpiresOn = license.ExpiresOn.ToPickerValue(),
    };

    public LicenseDetails ToDetails() =>
        new(Type, StateCode.From(State), Number, Status, IssuedOn.ToDateOnly(), ExpiresOn.ToDateOnly());
}

public sealed class LicenseFormValidator : AbstractValidator<LicenseForm>
{
    public LicenseFormValidator()
    {
        RuleFor(f => f.Type).IsInEnum().WithMessage("Type must be one of MD, DO, NP, PA, RN, DPM, DC or OTHER.");
        RuleFor(f => f.State).StateCode("State");
        RuleFor(f => f.Number).Satisfies(License.ValidateNumber);
        RuleFor(f => f.Status).IsInEnum().WithMessage("Status must be Active, Inactive, Suspended or Revoked.");
        RuleFor(f => f.IssuedOn).DateInRange("Issued on");
        RuleFor(f => f.ExpiresOn)
            .DateInRange("Expires on")
            .Satisfies((f, expires) => License.ValidateExpiry(f.IssuedOn.ToDateOnly(), expires.ToDateOnly()));
    }
}
