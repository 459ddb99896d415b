using FluentValidation;
using MsoManager.Web.Features;
using MsoManager.Web.Hosting;

namespace MsoManager.Web.Components.Account;

public sealed class LoginForm
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Email is required.");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Password is required.");
    }
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Current password is required.");
        RuleFor(f => f.NewPassword).NewPassword();
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("Confirm new password must match the new password.");
    }
}

public sealed class AcceptInvitationForm
{
    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class AcceptInvitationFormValidator : AbstractValidator<AcceptInvitationForm>
{
    public AcceptInvitationFormValidator()
    {
        RuleFor(f => f.DisplayName).RequiredName("Your name");
        RuleFor(f => f.Password).NewPassword();
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("Confirm password must match the password.");
    }
}

internal static class PasswordRules
{
    /// <summary>The password policy, stated where the user types: length only, no composition rules.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Password is required.")
            .MinimumLength(AccountsSetup.MinPasswordLength).WithMessage($"Password must be at least {AccountsSetup.MinPasswordLength} characters; a few words make a good one.")
            .MaximumLength(AccountsSetup.MaxPasswordLength).WithMessage($"Password must be at most {AccountsSetup.MaxPasswordLength} characters.");
}

/// <summary>An authenticator app's code: at sign-in (with "remember this device") and to confirm the setup.</summary>
public sealed class TwoFactorCodeForm
{
    public string Code { get; set; } = "";

    public bool RememberMachine { get; set; }
}

public sealed class TwoFactorCodeFormValidator : AbstractValidator<TwoFactorCodeForm>
{
    public TwoFactorCodeFormValidator() =>
        RuleFor(f => f.Code)
            .Must(code => TwoStepSignIn.Normalize(code ?? "") is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
            .WithMessage("Type the 6-digit code your authenticator app shows.");
}

public sealed class RecoveryCodeForm
{
    public string RecoveryCode { get; set; } = "";
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator() =>
        RuleFor(f => f.RecoveryCode).NotEmpty().WithMessage("Type one of the recovery codes you saved.");
}
