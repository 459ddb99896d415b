using Serilog;

namespace MsoManager.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console and, unless <c>Logging:File:Path</c> is empty, to a daily rolling file.
    /// Levels come from the <c>Serilog</c> section; <see cref="SensitiveDataRedactor"/> runs on every event.
    /// </summary>
    public static void AddLogging(this WebApplicationBuilder builder)
    {
        var filePath = builder.Configuration["Logging:File:Path"];
        builder.Services.AddSerilog(logger =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.With<SensitiveDataRedactor>()
                .WriteTo.Console();
            if (!string.IsNullOrWhiteSpace(filePath))
            {
                logger.WriteTo.File(
                    Path.Combine(builder.Environment.ContentRootPath, filePath),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14);
            }
        },
        // The host's own logger, not the static one: instances hosted side by side in one process (tests) never share it.
        preserveStaticLogger: true);
    }
}
