using System.Globalization;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.History;

/// <summary>
/// What the history calls a practice's records: "Professional entity Glow Medical PLLC", "Dana Smith's
/// MD license TX Q1234". Built per request from the practice as it is now; a record since removed is
/// named from its last state in the audit trail (its removal, else its creation), which the caller
/// feeds in through <see cref="Learn"/> for the ids <see cref="Missing"/> names. Never shows an id.
/// </summary>
public sealed class RecordNames
{
    /// <summary>How a referenced record that is nowhere on record is named.</summary>
    public const string Unknown = "a removed record";

    private readonly Dictionary<Guid, Facts> _known = [];
    private readonly HashSet<Guid> _current = [];
    private readonly HashSet<Guid> _notFound = [];

    private RecordNames()
    {
    }

    /// <summary>The names of the practice's records as they are now.</summary>
    public static RecordNames Of(Practice practice)
    {
        var names = new RecordNames();
        names.Add(nameof(Practice), practice.Id, ("Name", practice.Name));
        foreach (var entity in practice.Entities)
        {
            names.Add(nameof(LegalEntity), entity.Id, ("LegalName", entity.LegalName), ("Kind", entity.Kind.ToString()));
        }

        foreach (var person in practice.People)
        {
            names.Add(nameof(Person), person.Id, ("Name", person.Name));
            foreach (var license in person.Licenses)
            {
                names.Add(nameof(License), license.Id, ("PersonId", Text(license.PersonId)), ("Type", license.Type.ToString()), ("State", license.State.Value), ("Number", license.Number));
            }

            foreach (var role in person.Roles)
            {
                names.Add(nameof(EntityRole), role.Id, ("PersonId", Text(role.PersonId)), ("EntityId", Text(role.EntityId)), ("Kind", role.Kind.ToString()));
            }
        }

        foreach (var organization in practice.Organizations)
        {
            names.Add(nameof(Organization), organization.Id, ("Name", organization.Name));
        }

        foreach (var stake in practice.Stakes)
        {
            names.Add(nameof(OwnershipStake), stake.Id, ("EntityId", Text(stake.EntityId)), ("OwnerPersonId", Text(stake.OwnerPersonId)), ("OwnerOrganizationId", Text(stake.OwnerOrganizationId)));
        }

        foreach (var agreement in practice.Agreements)
        {
            names.Add(nameof(Agreement), agreement.Id, ("Title", agreement.Title), ("Type", agreement.Type.ToString()));
            foreach (var version in agreement.Versions)
            {
                names.Add(nameof(AgreementVersion), version.Id, ("AgreementId", Text(agreement.Id)), ("Number", version.Number.ToString(CultureInfo.InvariantCulture)));
            }
        }

        foreach (var location in practice.Locations)
        {
            names.Add(nameof(Location), location.Id, ("Street", location.Street), ("City", location.City), ("State", location.State.Value));
        }

        foreach (var month in practice.FinancialMonths)
        {
            names.Add(nameof(FinancialMonth), month.Id, ("EntityId", Text(month.EntityId)), ("Month", ((month.Month.Year * 100) + month.Month.Month).ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var task in practice.SetupTasks)
        {
            names.Add(nameof(SetupTask), task.Id, ("Title", task.Title));
        }

        names._current.UnionWith(names._known.Keys);
        return names;
    }

    /// <summary>Names for records outside any practice (workspace events), learned from the events alone.</summary>
    public static RecordNames None() => new();

    /// <summary>The practice's records as they are now, in the order of its page's sections, for a record filter.</summary>
    public IReadOnlyList<(Guid Id, string Label)> CurrentRecords() =>
    [
        .. _known.Where(r => _current.Contains(r.Key))
            .OrderBy(r => Array.IndexOf(SectionOrder, r.Value.Type))
            .ThenBy(r => Label(r.Value.Type, r.Key), StringComparer.CurrentCulture)
            .Select(r => (r.Key, Label(r.Value.Type, r.Key))),
    ];

    /// <summary>
    /// Learns a record's values from an event that holds them whole (its creation or its removal);
    /// a record already known (as it is now, or from a later event) keeps what it has.
    /// </summary>
    public void Learn(string recordType, Guid recordId, AuditValues values)
    {
        if (!_known.ContainsKey(recordId))
        {
            _known[recordId] = new Facts(recordType, values.Names.ToDictionary(n => n, values.Text, StringComparer.Ordinal));
            _notFound.Remove(recordId);
        }
    }

    /// <summary>Records the ids looked for in the audit trail and not found, so they are not looked for again.</summary>
    public void NotFound(IEnumerable<Guid> ids) => _notFound.UnionWith(ids.Where(id => !_known.ContainsKey(id)));

    /// <summary>
    /// The ids that naming these events needs and that are neither known nor already looked for: each
    /// event's record, the records its values refer to, and theirs in turn (a license's person).
    /// </summary>
    public IReadOnlyCollection<Guid> Missing(IEnumerable<AuditEvent> events)
    {
        var wanted = new Queue<Guid>();
        foreach (var audit in events)
        {
            wanted.Enqueue(audit.RecordId);
            foreach (var values in new[] { AuditValues.Parse(audit.Before), AuditValues.Parse(audit.After) })
            {
                foreach (var id in values is null ? [] : values.Names.Where(IsReference).Select(values.Id).OfType<Guid>())
                {
                    wanted.Enqueue(id);
                }
            }
        }

        var seen = new HashSet<Guid>();
        var missing = new HashSet<Guid>();
        while (wanted.TryDequeue(out var id))
        {
            if (!seen.Add(id) || _notFound.Contains(id))
            {
                continue;
            }

            if (_known.TryGetValue(id, out var facts))
            {
                foreach (var reference in facts.Values.Where(v => IsReference(v.Key)).Select(v => Guid.TryParse(v.Value, out var r) ? r : (Guid?)null).OfType<Guid>())
                {
                    wanted.Enqueue(reference);
                }
            }
            else
            {
                missing.Add(id);
            }
        }

        return missing;
    }

    /// <summary>Whether a stored property names another record by id (not the record's own id, its practice or workspace, or a user).</summary>
    public static bool IsReference(string property) =>
        property.EndsWith("Id", StringComparison.Ordinal) && property is not ("Id" or "WorkspaceId" or "PracticeId")
        && !property.EndsWith("UserId", StringComparison.Ordinal);

    /// <summary>A value the trail holds for a record (as it is now, or as its creation or removal recorded it), or null.</summary>
    public string? Fact(Guid id, string property) => _known.TryGetValue(id, out var facts) ? facts.Get(property) : null;

    /// <summary>A record's short name for a value that refers to it: "Dana Smith", "Glow Medical PLLC".</summary>
    public string NameOf(Guid id) => Name(id, depth: 0) ?? Unknown;

    /// <summary>The record an event is about, its kind in words and its name: "Person Dana Smith".</summary>
    public string Label(string recordType, Guid id)
    {
        var name = Name(id, depth: 0);
        var kind = _known.TryGetValue(id, out var facts) && recordType == nameof(LegalEntity) && facts.Get("Kind") is { } entityKind
            ? AuditFormat.Enum<EntityKind>(entityKind)!
            : KindOf(recordType);
        return recordType switch
        {
            _ when string.IsNullOrEmpty(name) => kind,
            nameof(License) or nameof(EntityRole) or nameof(OwnershipStake) or nameof(AgreementVersion) => Capitalised(name),
            nameof(Review) => $"Review of {name}",
            _ => $"{kind} {name}",
        };
    }

    /// <summary>A record type in words: "Ownership stake", "Organisation".</summary>
    public static string KindOf(string recordType) => recordType switch
    {
        nameof(LegalEntity) => "Entity",
        nameof(EntityRole) => "Role",
        nameof(Organization) => "Organisation",
        nameof(AgreementVersion) => "Agreement version",
        "Member" => "Workspace member",
        nameof(ReviewChecklistItem) => "Checklist item",
        nameof(ReviewComment) => "Comment",
        _ => EnumLabels.Words(recordType),
    };

    private static readonly string[] SectionOrder =
    [
        nameof(Practice), nameof(LegalEntity), nameof(OwnershipStake), nameof(Organization), nameof(Person), nameof(License), nameof(EntityRole),
        nameof(Agreement), nameof(AgreementVersion), nameof(Location), nameof(FinancialMonth), nameof(SetupTask),
    ];

    private string? Name(Guid id, int depth)
    {
        // A record refers to others at most two deep (a role's person and entity); the bound guards a malformed trail.
        if (depth > 3 || !_known.TryGetValue(id, out var facts))
        {
            return null;
        }

        string Of(string property) => facts.Get(property) is { } text && Guid.TryParse(text, out var other) ? Name(other, depth + 1) ?? Unknown : Unknown;

        return facts.Type switch
        {
            nameof(LegalEntity) => facts.Get("LegalName"),
            nameof(License) => $"{Of("PersonId")}'s {(facts.Get("Type") is { } type and not "OTHER" ? type + " " : "")}license {facts.Get("State")} {facts.Get("Number")}".TrimEnd(),
            nameof(EntityRole) => $"{Of("PersonId")}'s role as {Lower(AuditFormat.Enum<EntityRoleKind>(facts.Get("Kind")) ?? "member")} at {Of("EntityId")}",
            nameof(OwnershipStake) => $"{(facts.Get("OwnerPersonId") is not null ? Of("OwnerPersonId") : Of("OwnerOrganizationId"))}'s stake in {Of("EntityId")}",
            nameof(Agreement) or nameof(SetupTask) => Quoted(facts.Get("Title")),
            nameof(AgreementVersion) => $"version {facts.Get("Number")} of agreement {(facts.Get("AgreementId") is { } agreement && Guid.TryParse(agreement, out var agreementId) ? Name(agreementId, depth + 1) : null) ?? Unknown}",
            nameof(Location) => string.Join(", ", new[] { facts.Get("Street"), facts.Get("City"), facts.Get("State") }.OfType<string>()),
            nameof(FinancialMonth) => $"{AuditFormat.YearMonth(facts.Get("Month"))} of {Of("EntityId")}",

            // A review is named by its agreement; its checklist items and comments by their review.
            nameof(Review) => Of("AgreementId"),
            nameof(ReviewChecklistItem) => $"{facts.Get("Code")} of the review of {Of("ReviewId")}",
            nameof(ReviewComment) => $"on the review of {Of("ReviewId")}",
            "Invitation" => facts.Get("Email") is { } email ? $"of {email}" : null,
            "StateRuleCorrection" => facts.Get("State") is { } state ? $"of {state}" : null,
            "Member" => "",
            _ => facts.Get("Name") ?? Quoted(facts.Get("Title")),
        };
    }

    private static string? Quoted(string? title) => title is null ? null : $"“{title}”";

    private static string Lower(string words) => words.Length == 0 ? words : char.ToLowerInvariant(words[0]) + words[1..];

    private static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private static string? Text(Guid? id) => id?.ToString();

    private void Add(string type, Guid id, params (string Name, string? Value)[] values) =>
        _known[id] = new Facts(type, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    private sealed record Facts(string Type, IReadOnlyDictionary<string, string?> Values)
    {
        public string? Get(string name) => Values.GetValueOrDefault(name);
    }
}
