using FluentValidation;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>An outside organisation that can own stakes (a holding company, a fund, a trust).</summary>
public sealed class OrganizationForm
{
    public string Name { get; set; } = "";

    public OrganizationKind Kind { get; set; } = OrganizationKind.Company;

    public static OrganizationForm From(Organization organization) => new() { Name = organization.Name, Kind = organization.Kind };
}

public sealed class OrganizationFormValidator : AbstractValidator<OrganizationForm>
{
    public OrganizationFormValidator()
    {
        RuleFor(f => f.Name).RequiredName("Name");
        RuleFor(f => f.Kind).IsInEnum().WithMessage("Kind must be Company, InvestmentFund, Trust or Other.");
    }
}
