using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>The Owner's "add or invite a member" form.</summary>
public sealed class AddMemberForm
{
    public string Email { get; set; } = "";

    public MemberRole Role { get; set; } = MemberRole.Consultant;

    public bool AllPractices { get; set; } = true;

    public List<PracticeChoice> Practices { get; set; } = [];

    public PracticeScope ToScope() => AllPractices ? PracticeScope.AllPractices : PracticeScope.Listed(Practices.Select(p => p.Id));
}

/// <summary>A practice offered in a scope picker.</summary>
public sealed record PracticeChoice(Guid Id, string Name)
{
    public override string ToString() => Name;
}

public sealed class AddMemberFormValidator : AbstractValidator<AddMemberForm>
{
    public AddMemberFormValidator()
    {
        RuleFor(f => f.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .Satisfies(email => Text.ValidateEmail(email));
        RuleFor(f => f.Role).IsInEnum().WithMessage("Role must be one of Owner, Consultant, Attorney, Client or Viewer.");
        RuleFor(f => f.Practices)
            .NotEmpty()
            .When(f => !f.AllPractices && f.Role != MemberRole.Owner)
            .WithMessage("Pick at least one practice, or give access to all practices.");
    }
}

/// <summary>The Owner's "change scope" form.</summary>
public sealed class ScopeForm
{
    public bool AllPractices { get; set; } = true;

    public List<PracticeChoice> Practices { get; set; } = [];

    public PracticeScope ToScope() => AllPractices ? PracticeScope.AllPractices : PracticeScope.Listed(Practices.Select(p => p.Id));
}

public sealed class ScopeFormValidator : AbstractValidator<ScopeForm>
{
    public ScopeFormValidator() =>
        RuleFor(f => f.Practices)
            .NotEmpty()
            .When(f => !f.AllPractices)
            .WithMessage("Pick at least one practice, or give access to all practices.");
}

/// <summary>The "new workspace" form.</summary>
public sealed class NewWorkspaceForm
{
    public string Name { get; set; } = "";
}

public sealed class NewWorkspaceFormValidator : AbstractValidator<NewWorkspaceForm>
{
    public NewWorkspaceFormValidator() =>
        RuleFor(f => f.Name).RequiredName("Name");
}
