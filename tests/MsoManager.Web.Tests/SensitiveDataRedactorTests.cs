using MsoManager.Web.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace MsoManager.Web.Tests;

public sealed class SensitiveDataRedactorTests
{
    [Fact]
    public void Enrich_PasswordOrTokenProperty_IsRedacted()
    {
        var events = Capture(log => log.Information("Signing in with {Password} and {ApiToken}", "hunter2 hunter2", "abc.def"));

        var rendered = events.Single().RenderMessage();
        Assert.DoesNotContain("hunter2", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("abc.def", rendered, StringComparison.Ordinal);
        Assert.Contains(SensitiveDataRedactor.Redacted, rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_EinInsideAnyValue_IsMasked()
    {
        var events = Capture(log => log.Information("Entity {Entity} saved with {Details}", new { LegalName = "Glow PLLC", Ein = "12-3456789" }, "EIN 98-7654321 filed"));

        var rendered = events.Single().RenderMessage();
        Assert.DoesNotContain("12-3456789", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("98-7654321", rendered, StringComparison.Ordinal);
        Assert.Contains("Glow PLLC", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_OrdinaryValues_AreKept()
    {
        var events = Capture(log => log.Information("Practice {Name} in {State} has {Count} entities on 2026-11-29", "Glow", "TX", 2));

        Assert.Equal("Practice \"Glow\" in \"TX\" has 2 entities on 2026-11-29", events.Single().RenderMessage());
    }

    private static List<LogEvent> Capture(Action<ILogger> write)
    {
        var sink = new ListSink();
        using (var logger = new LoggerConfiguration().Enrich.With<SensitiveDataRedactor>().WriteTo.Sink(sink).CreateLogger())
        {
            write(logger);
        }

        return sink.Events;
    }

    private sealed class ListSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
