using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.Seeding;
using MsoManager.Web.Components;
using MsoManager.Web.Components.Account;
using MsoManager.Web.Features;
using MsoManager.Web.Features.Api;
using MudBlazor.Services;
using Serilog;

namespace MsoManager.Web.Hosting;

/// <summary>How the app is put together: services, start-up work and the request pipeline.</summary>
internal static class MsoManagerHosting
{
    public static void AddMsoManager(this WebApplicationBuilder builder)
    {
        builder.AddLogging();
        var services = builder.Services;
        var database = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);

        services.AddSingleton(TimeProvider.System);
        services.AddPersistence(database);
        services.Configure<BootstrapOptions>(builder.Configuration.GetSection(BootstrapOptions.Section));
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));

        builder.AddAccounts();
        builder.AddResponseSecurity();
        services.AddDataProtection()
            .SetApplicationName("MsoManager")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddValidatorsFromAssemblyContaining<App>(ServiceLifetime.Singleton);
        services.AddFeatures();
        services.AddApi(builder.Configuration);

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
    }

    /// <summary>Applies migrations and seeds before the app takes requests; returns the demo logins to print.</summary>
    public static async Task<IReadOnlyList<DemoLogin>> InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public static void UseMsoManager(this WebApplication app)
    {
        app.UseResponseSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseSerilogRequestLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiProblems();
        // Explicit, so the 401 and 403 answers of authorization come after the headers and logging above
        // (left implicit, WebApplication puts routing and authorization before every middleware added here).
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapStaticAssets();
        // The framework's own "frame-ancestors 'self'" policy would arrive as a second CSP beside ours ('none').
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccountEndpoints();
        app.MapAuditDownload();
        app.MapApi();
    }

    /// <summary>Prints where the app listens and, with demo data, how to sign in. Console only: never logged.</summary>
    public static void PrintStartBanner(this WebApplication app, IReadOnlyList<DemoLogin> demoLogins)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string> { "", "MSO Manager is running." };
            lines.AddRange(addresses.Select(address => $"  Open {address} in your browser."));
            if (demoLogins.Count > 0)
            {
                lines.Add("  Demo logins (demo data: not for real use):");
                lines.AddRange(demoLogins.Select(login => $"    {login.Role,-11} {login.Email,-22} password: {login.Password}"));
            }

            lines.Add("  Press Ctrl+C to stop.");
            lines.Add("");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
