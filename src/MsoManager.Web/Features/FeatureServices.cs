using MsoManager.Infrastructure.Tenancy;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Deadlines;
using MsoManager.Web.Features.Home;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Reviews;
using MsoManager.Web.Features.StateRules;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features;

internal static class FeatureServices
{
    /// <summary>The feature services pages call; scoped, so one per circuit or request.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<WorkspaceSelection>();
        services.AddScoped<ICurrentWorkspace>(provider => provider.GetRequiredService<WorkspaceSelection>());
        services.AddScoped<IAuditActor>(provider => provider.GetRequiredService<WorkspaceSelection>());
        services.AddScoped<WorkspaceSession>();
        services.AddScoped<WorkspaceClock>();
        services.AddScoped<MembersService>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<HomeSummary>();
        services.AddScoped<PracticeStore>();
        services.AddScoped<PracticeList>();
        services.AddScoped<PracticeHistory>();
        services.AddScoped<AgreementVersionsService>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<DeadlineService>();
        services.AddSingleton<PracticeStructureCache>();
        services.AddScoped<EvaluatedPracticeRisks>();
        services.AddScoped<IPracticeRiskReader, StoredPracticeRisks>();
        services.AddSingleton<PracticeRiskRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<PracticeRiskRefresher>());
        services.AddScoped<StateRulesService>();
        return services;
    }
}
