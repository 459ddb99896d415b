using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Components.Account;

namespace MsoManager.Web.Hosting;

internal static class AccountsSetup
{
    /// <summary>Lockout after this many failed password checks, on every path that checks a password.</summary>
    public const int MaxFailedAccessAttempts = 5;

    /// <summary>How long a lockout lasts.</summary>
    public const int LockoutMinutes = 15;

    public const int MinPasswordLength = 12;

    /// <summary>Long passphrases are welcome; the cap only stops absurd input from costing hashing time.</summary>
    public const int MaxPasswordLength = 256;

    /// <summary>PBKDF2 iterations (OWASP's figure for PBKDF2-HMAC-SHA512).</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>How long "Remember this device" skips the code step of two-step sign-in on that browser.</summary>
    public const int RememberDeviceDays = 14;

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "MsoManager.Auth";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        // Signed-out or deactivated accounts lose their cookie sessions within this interval.
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = TimeSpan.FromMinutes(builder.Configuration.GetValue("Identity:RevalidationMinutes", 1.0)));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options =>
        {
            options.Cookie.Name = "MsoManager.RememberDevice";
            options.ExpireTimeSpan = TimeSpan.FromDays(RememberDeviceDays);
        });
        services.AddScoped<TwoStepSignIn>();
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordHashIterations);

        var signInLimit = builder.Configuration.GetSection("Identity:SignInRateLimit");
        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInRateLimitPolicy.Name, new SignInRateLimitPolicy(
            signInLimit.GetValue("PermitLimit", 10), TimeSpan.FromSeconds(signInLimit.GetValue("WindowSeconds", 60)))));

        services.AddAccountStore();
    }

    /// <summary>
    /// Identity's user store and policies (password, lockout, schema version). Separate from the
    /// cookie setup so component tests build the same model as the app.
    /// </summary>
    public static IdentityBuilder AddAccountStore(this IServiceCollection services)
    {
        services.AddSingleton<DecoyPasswordHash>();

        // The token endpoint checks passwords through the app's sign-in manager too, by its own type.
        services.AddScoped(provider => (AccountSignInManager)provider.GetRequiredService<SignInManager<ApplicationUser>>());
        return services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length, not composition rules.
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AccountSignInManager>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddDefaultTokenProviders();
    }
}
