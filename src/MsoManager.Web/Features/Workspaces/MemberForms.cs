using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>The Owner's "add or invite a member" form: who, in which role, and the practices they see.</summary>
public sealed class AddMemberForm : ScopeForm
{
    public string Email { get; set; } = "";

    public MemberRole Role { get; set; } = MemberRole.Consultant;
}

/// <summary>A practice offered in a scope picker.</summary>
public sealed record PracticeChoice(Guid Id, string Name)
{
    public override string ToString() => Name;
}

public sealed class AddMemberFormValidator : AbstractValidator<AddMemberForm>
{
    /// <summary>What a role must be; the API says it of a role it cannot read too.</summary>
    public static readonly string RoleMessage = $"Role must be one of {string.Join(", ", Enum.GetNames<MemberRole>()[..^1])} or {Enum.GetNames<MemberRole>()[^1]}.";

    public AddMemberFormValidator()
    {
        RuleFor(f => f.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .Satisfies(email => Text.ValidateEmail(email));
        RuleFor(f => f.Role).IsInEnum().WithMessage(RoleMessage);
        RuleFor(f => f.Practices)
            .NotEmpty()
            .When(f => !f.AllPractices && f.Role != MemberRole.Owner)
            .WithMessage(ScopeForm.PickAPractice);
    }
}

/// <summary>The Owner's "change scope" form; also the scope part of <see cref="AddMemberForm"/>.</summary>
public class ScopeForm
{
    public const string PickAPractice = "Pick at least one practice, or give access to all practices.";

    public bool AllPractices { get; set; } = true;

    public List<PracticeChoice> Practices { get; set; } = [];

    public PracticeScope ToScope() => AllPractices ? PracticeScope.AllPractices : PracticeScope.Listed(Practices.Select(p => p.Id));

    /// <summary>The chosen practices' ids in the order chosen (none for all practices), so a problem can name its place.</summary>
    public IReadOnlyList<Guid> ListedPracticeIds() => AllPractices ? [] : [.. Practices.Select(p => p.Id)];
}

public sealed class ScopeFormValidator : AbstractValidator<ScopeForm>
{
    public ScopeFormValidator() =>
        RuleFor(f => f.Practices)
            .NotEmpty()
            .When(f => !f.AllPractices)
            .WithMessage(ScopeForm.PickAPractice);
}

/// <summary>The "new workspace" form.</summary>
public sealed class NewWorkspaceForm
{
    public string Name { get; set; } = "";

    /// <summary>Whose date is the workspace's "today"; asked at creation, as most firms work in one US zone.</summary>
    public string TimeZone { get; set; } = "America/New_York";
}

public sealed class NewWorkspaceFormValidator : AbstractValidator<NewWorkspaceForm>
{
    public NewWorkspaceFormValidator()
    {
        RuleFor(f => f.Name).RequiredName("Name");
        RuleFor(f => f.TimeZone).Satisfies(WorkspaceTimeZone.Validate);
    }
}
