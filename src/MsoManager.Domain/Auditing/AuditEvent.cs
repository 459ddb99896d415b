using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Auditing;

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
}

/// <summary>
/// Who did what to which record, when (UTC), with the values before and after. Append only and
/// hash-chained per workspace: <see cref="Hash"/> is the SHA-256 of <see cref="PreviousHash"/>
/// and the event's canonical JSON, so any edited, removed or reordered event breaks the chain.
/// </summary>
public sealed class AuditEvent : IWorkspaceOwned
{
    public const int HashLength = 64;
    public const int RecordTypeMaxLength = 60;

    /// <summary>The "previous hash" of a workspace's first event.</summary>
    public static readonly string GenesisHash = new('0', HashLength);

    private AuditEvent()
    {
        RecordType = PreviousHash = Hash = "";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    /// <summary>1, 2, 3... per workspace: the order of the chain.</summary>
    public long Sequence { get; private set; }

    /// <summary>UTC, to the millisecond: both providers store that exactly (PostgreSQL keeps microseconds, EF's SQLite mapping 0.1 ms), so the hash survives a round trip.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public string? UserId { get; private set; }

    public string? UserName { get; private set; }

    public AuditAction Action { get; private set; }

    public string RecordType { get; private set; }

    public Guid RecordId { get; private set; }

    /// <summary>The practice the record belongs to, for the practice's history; null for workspace records.</summary>
    public Guid? PracticeId { get; private set; }

    /// <summary>JSON object of the values before the change (null when created).</summary>
    public string? Before { get; private set; }

    /// <summary>JSON object of the values after the change (null when deleted).</summary>
    public string? After { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public static AuditEvent Record(
        Guid workspaceId, long sequence, string previousHash, DateTimeOffset occurredAt, string? userId, string? userName,
        AuditAction action, string recordType, Guid recordId, Guid? practiceId, string? before, string? after)
    {
        var utc = occurredAt.ToUniversalTime();
        var audit = new AuditEvent
        {
            Id = Guid.CreateVersion7(utc),
            WorkspaceId = workspaceId,
            Sequence = sequence,
            OccurredAt = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            UserId = userId,
            UserName = userName,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            PracticeId = practiceId,
            Before = before,
            After = after,
            PreviousHash = previousHash,
        };
        audit.Hash = audit.ComputeHash();
        return audit;
    }

    /// <summary>The hash this event should have, recomputed from its stored fields.</summary>
    public string ComputeHash()
    {
        // Canonical JSON: fixed property order, ISO-8601 UTC time, enums as names.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            WorkspaceId, Sequence, OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            UserId, UserName, Action.ToString(), RecordType, RecordId, PracticeId, Before, After,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PreviousHash + canonical)));
    }
}

/// <summary>One link of a chain: an event's sequence and hash.</summary>
public sealed record AuditChainLink(long Sequence, string Hash);

/// <summary>
/// What a chain check found: intact, or the first event where it breaks and why. <paramref name="Head"/>
/// is the last event of an intact chain (null when broken or empty): written down, it lets a later check
/// show that nothing up to it was changed, even by someone able to rewrite the whole chain.
/// </summary>
public sealed record AuditChainReport(bool IsIntact, long EventsChecked, long? BrokenAtSequence, string? Problem, AuditChainLink? Head = null);

/// <summary>
/// Checks a workspace's events one at a time, in sequence order, so a long chain can be streamed
/// from the database rather than loaded whole.
/// </summary>
public sealed class AuditChainCheck
{
    private string _expectedPrevious = AuditEvent.GenesisHash;
    private long _expectedSequence = 1;
    private long _checked;
    private AuditChainLink? _head;
    private AuditChainReport? _broken;

    /// <summary>Checks the next event; returns false once the chain is broken (the report says where).</summary>
    public bool Next(AuditEvent audit)
    {
        if (_broken is not null)
        {
            return false;
        }

        _checked++;
        var problem = audit.Sequence != _expectedSequence
            ? $"expected event #{_expectedSequence} but found #{audit.Sequence}: an event is missing"
            : audit.PreviousHash != _expectedPrevious
                ? "its link to the previous event does not match: an earlier event was changed or removed"
                : audit.ComputeHash() != audit.Hash
                    ? "its content does not match its hash: the event was changed after it was written"
                    : null;
        if (problem is not null)
        {
            _broken = new AuditChainReport(false, _checked, audit.Sequence, problem);
            return false;
        }

        _expectedPrevious = audit.Hash;
        _expectedSequence++;
        _head = new AuditChainLink(audit.Sequence, audit.Hash);
        return true;
    }

    public AuditChainReport Report => _broken ?? new AuditChainReport(true, _checked, null, null, _head);
}
