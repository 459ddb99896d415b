using MsoManager.Domain.Auditing;

namespace MsoManager.Domain.Tests.Auditing;

public sealed class AuditChainCheckTests
{
    private static readonly Guid Workspace = Guid.NewGuid();

    [Fact]
    public void Report_OfAnIntactChain_HasItsLastEventAsHead()
    {
        var chain = Chain(3);
        var check = new AuditChainCheck();

        Assert.All(chain, e => Assert.True(check.Next(e)));

        Assert.True(check.Report.IsIntact);
        Assert.Equal(new AuditChainLink(3, chain[2].Hash), check.Report.Head);
    }

    [Fact]
    public void Report_OfABrokenChain_HasNoHead()
    {
        var chain = Chain(3);
        var forged = AuditEvent.Record(Workspace, 3, chain[2].PreviousHash, chain[2].OccurredAt, "u", "mallory@x.test", AuditAction.Changed, "Practice", Guid.NewGuid(), null, "{}", "{}");
        var check = new AuditChainCheck();

        check.Next(chain[0]);
        check.Next(chain[1]);
        check.Next(Tampered(forged, chain[2].Hash));

        Assert.False(check.Report.IsIntact);
        Assert.Null(check.Report.Head);
    }

    private static List<AuditEvent> Chain(int length)
    {
        var events = new List<AuditEvent>();
        var previous = AuditEvent.GenesisHash;
        for (var sequence = 1; sequence <= length; sequence++)
        {
            var audit = AuditEvent.Record(Workspace, sequence, previous, DateTimeOffset.UtcNow, "u", "dana@x.test", AuditAction.Created, "Practice", Guid.NewGuid(), null, null, "{}");
            events.Add(audit);
            previous = audit.Hash;
        }

        return events;
    }

    /// <summary>The event with a stored hash that is not its own, as a row edited in the database would be.</summary>
    private static AuditEvent Tampered(AuditEvent audit, string hash)
    {
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.Hash))!.SetValue(audit, hash);
        return audit;
    }
}
