using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>A clinic address, as its dialog edits it.</summary>
public sealed class LocationForm
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";

    public string? State { get; set; }

    public string Zip { get; set; } = "";

    public static LocationForm New(StateCode state) => new() { State = state.Value };

    public static LocationForm From(Location location) =>
        new() { Street = location.Street, City = location.City, State = location.State.Value, Zip = location.Zip };

    public LocationDetails ToDetails() => new(Street, City, StateCode.From(State), Zip);
}

public sealed class LocationFormValidator : AbstractValidator<LocationForm>
{
    public LocationFormValidator()
    {
        RuleFor(f => f.Street).RequiredName("Street");
        RuleFor(f => f.City).RequiredName("City");
        RuleFor(f => f.State).StateCode("State");
        RuleFor(f => f.Zip).Satisfies(Location.ValidateZip);
    }
}
