using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace MsoManager.Web.Hosting;

/// <summary>
/// What every answer carries (docs/decisions/0011-security-headers.md): the Content-Security-Policy
/// and its companion headers, <c>Cache-Control: no-store</c> on everything rendered per request,
/// HSTS outside development, no <c>Server</c> header, and <c>Secure</c> cookies whenever the request
/// came over HTTPS, directly or through a reverse proxy trusted in configuration.
/// </summary>
internal static class SecurityHeadersSetup
{
    /// <summary>Configuration section naming the reverse proxies whose X-Forwarded-* headers are believed.</summary>
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static void AddResponseSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var proxies = builder.Configuration.GetSection(ForwardedHeadersSection);
        services.Configure<ForwardedHeadersOptions>(options => TrustProxies(options, proxies));

        // Every cookie (sign-in, anti-forgery, Identity's two-factor and external cookies, any added later)
        // is Secure when the request was HTTPS; plain-HTTP development still signs in.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // X-Frame-Options comes from the header policy on every answer, not SAMEORIGIN on pages with forms.
            options.SuppressXFrameOptionsHeader = true;
        });

        // Built from the app's services: the environment is final only once the host is built.
        services.AddSecurityHeaderPolicies((policies, app) =>
        {
            var shared = SharedHeaders(app.GetRequiredService<IHostEnvironment>().IsDevelopment());
            var uncached = shared.Copy().AddCustomHeader("Cache-Control", "no-store");
            policies.SetDefaultPolicy(uncached)
                // Chosen as the answer starts: static assets (and anti-forgery pages) have declared their own
                // caching by then; everything else is rendered per request (pages, API, errors) and is not stored.
                .SetPolicySelector(context => context.HttpContext.Response.Headers.CacheControl.Count > 0 ? shared : uncached);
        });
    }

    /// <summary>First in the pipeline, so error pages, 404s, static files and the API all get the headers.</summary>
    public static void UseResponseSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
    }

    /// <summary>The Content-Security-Policy, as a browser receives it apart from the per-request nonce.</summary>
    private static HeaderPolicyCollection SharedHeaders(bool development)
    {
        var headers = new HeaderPolicyCollection()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // The one inline script is the import map Blazor renders (App.razor), allowed by this nonce.
                csp.AddScriptSrc().Self().WithNonce();
                // MudBlazor writes its theme as an inline <style> and positions popovers with style attributes,
                // and Blazor's reconnect dialog adds a <style> element; none of them can carry a nonce.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                // 'self' covers the circuit's same-origin WebSocket (ws: under http:, wss: under https:) in CSP level 3.
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddFrameAncestors().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
            })
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin());
        if (!development)
        {
            // Sent on HTTPS answers only (including those a trusted proxy forwarded as HTTPS).
            headers.AddStrictTransportSecurityMaxAge(HstsMaxAgeSeconds);
        }

        return headers;
    }

    /// <summary>
    /// Loopback is trusted by default (a proxy on the same machine). Listing proxies or networks in
    /// configuration replaces that: only those addresses may then say how a request arrived.
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions options, IConfiguration section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
