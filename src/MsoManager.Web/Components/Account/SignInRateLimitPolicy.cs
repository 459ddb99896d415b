using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MsoManager.Web.Components.Account;

/// <summary>
/// Limits sign-in attempts (posts of the sign-in form, not visits) per client address, as the token
/// endpoint is limited, so passwords cannot be guessed quickly across many accounts. A refused
/// attempt gets a readable 429 page saying when to try again.
/// </summary>
internal sealed class SignInRateLimitPolicy(int permitLimit, TimeSpan window) : IRateLimiterPolicy<string>
{
    public const string Name = "sign-in";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => WriteRefusalAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("visit");

    private async ValueTask WriteRefusalAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        var appBase = HtmlEncoder.Default.Encode($"{rejected.HttpContext.Request.PathBase}/");

        // A plain page in the account pages' look: the sign-in form itself is what is being limited.
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <base href="{appBase}" />
                <title>Too many sign-in attempts · MSO Manager</title>
                <link rel="stylesheet" href="app.css" />
            </head>
            <body>
                <div class="account-shell">
                    <header class="account-header"><a href="">MSO Manager</a></header>
                    <main class="account-card">
                        <h1>Too many sign-in attempts</h1>
                        <p role="alert" id="sign-in-rate-limit">
                            Too many sign-in attempts came from your network in a short time. Wait {seconds} seconds, then try again.
                        </p>
                        <p><a href="Account/Login">Back to sign in</a></p>
                    </main>
                </div>
            </body>
            </html>
            """,
            cancellationToken);
    }
}
