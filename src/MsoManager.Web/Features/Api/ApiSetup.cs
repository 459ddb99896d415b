using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace MsoManager.Web.Features.Api;

/// <summary>The HTTP API of api.md (/api/v1): bearer tokens, rate limiting, JSON, OpenAPI and the endpoint groups.</summary>
internal static class ApiSetup
{
    public static void AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddScoped<ApiCaller>();
        services.AddScoped<ApiTokenStore>();
        services.AddProblemDetails();

        // Enums as their names ("ProfessionalEntity"), exactly as api.md spells them; numbers are not enum values.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));

        // A body or query value that cannot be bound becomes a 400 problem naming it (ApiProblems), not an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        var permits = configuration.GetValue("Api:TokenRateLimit:PermitLimit", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("Api:TokenRateLimit:WindowSeconds", 60));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AuthEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Write(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many token requests from this address; try again after Retry-After seconds.");
            };
        });

        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "MSO Manager API";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiTokenAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from POST /api/v1/auth/token, valid for 8 hours.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiTokenAuthenticationHandler.SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));
    }

    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        var v1 = app.MapGroup("/api/v1");
        v1.MapAuthEndpoints();

        // Bearer only: a cookie never authenticates an API call, so there is no cross-site request forgery to guard against.
        var authenticated = v1.MapGroup("")
            .RequireAuthorization(new AuthorizationPolicyBuilder(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddEndpointFilter<ApiCallerFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        authenticated.MapTokenEndpoints();
        authenticated.MapWorkspaceEndpoints();
        authenticated.MapMemberEndpoints();
        authenticated.MapPracticeEndpoints();
        authenticated.MapAgreementVersionEndpoints();
        authenticated.MapAuditEndpoints();
        authenticated.MapReviewEndpoints();
        authenticated.MapDeadlineEndpoints();
        authenticated.MapStateRuleEndpoints();
    }
}
