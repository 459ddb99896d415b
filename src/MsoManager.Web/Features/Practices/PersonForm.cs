using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>A person of the practice, as its dialog edits it.</summary>
public sealed class PersonForm
{
    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public static PersonForm From(Person person) => new() { Name = person.Name, Email = person.Email, Phone = person.Phone };

    public PersonDetails ToDetails() => new(Name, Email, Phone);
}

public sealed class PersonFormValidator : AbstractValidator<PersonForm>
{
    public PersonFormValidator()
    {
        RuleFor(f => f.Name).RequiredName("Name");
        RuleFor(f => f.Email).Satisfies(email => Text.ValidateEmail(email));
        RuleFor(f => f.Phone).Satisfies(Person.ValidatePhone);
    }
}
