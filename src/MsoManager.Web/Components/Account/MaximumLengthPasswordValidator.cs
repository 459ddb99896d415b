using Microsoft.AspNetCore.Identity;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Hosting;

namespace MsoManager.Web.Components.Account;

/// <summary>Caps password length so a megabyte of input cannot tie up PBKDF2; the cap is far above any passphrase.</summary>
internal sealed class MaximumLengthPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is { Length: > AccountsSetup.MaxPasswordLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Passwords must be at most {AccountsSetup.MaxPasswordLength} characters.",
            })
            : IdentityResult.Success);
}
