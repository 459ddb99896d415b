using System.Globalization;
using System.Text.Json;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.History;

/// <summary>What narrating one event needs besides its values: the action, the record names, and whether EINs show in full.</summary>
public sealed record AuditContext(AuditAction Action, RecordNames Names, bool ShowSensitive)
{
    /// <summary>
    /// The line of a field whose value reads <paramref name="before"/> and <paramref name="after"/>:
    /// for a change, only when they differ; for an added record its value, for a removed one its last.
    /// </summary>
    public IEnumerable<AuditLine> Line(string field, string? before, string? after)
    {
        if (Action == AuditAction.Changed && before != after)
        {
            yield return new AuditLine(field, before, after);
        }
        else if (Action == AuditAction.Created && after is not null)
        {
            yield return new AuditLine(field, null, after, IsChange: false);
        }
        else if (Action == AuditAction.Deleted && before is not null)
        {
            yield return new AuditLine(field, before, null, IsChange: false);
        }
    }
}

/// <summary>How one field of a record reads: the stored properties it covers and the lines it gives.</summary>
public sealed record AuditField(IReadOnlyList<string> Properties, Func<AuditValues?, AuditValues?, AuditContext, IEnumerable<AuditLine>> Describe)
{
    /// <summary>A field shown as one value made from its properties (<paramref name="format"/> returns null for none).</summary>
    public static AuditField Of(string label, string[] properties, Func<AuditValues, AuditContext, string?> format) =>
        new(properties, (before, after, context) => context.Line(label, before is null ? null : format(before, context), after is null ? null : format(after, context)));

    public static AuditField Of(string label, string property, Func<string?, string?> format) =>
        Of(label, [property], (values, _) => format(values.Text(property)));

    public static AuditField Text(string label, string property) => Of(label, property, text => string.IsNullOrEmpty(text) ? null : text);

    public static AuditField Reference(string label, string property) =>
        Of(label, [property], (values, context) => values.Id(property) is { } id ? context.Names.NameOf(id) : null);

    /// <summary>Stored but never shown (the record's name is in its label, or it is an internal value).</summary>
    public static AuditField Hidden(params string[] properties) => new(properties, (_, _, _) => []);
}

/// <summary>
/// The labels of every audited record's fields, in the words of the forms, and how their values read.
/// A property not listed here still reads acceptably: its name in words, its value as stored (an id
/// as the record's name), so a field added later never shows a raw name; ids and keys never show.
/// </summary>
public static class AuditFields
{
    // A member's and an invitation's: declared before the table that uses them, as static fields initialise in order.
    private static readonly AuditField[] RoleAndScope =
    [
        AuditField.Of("Role", "Role", AuditFormat.Enum<MemberRole>),
        AuditField.Of("Sees all practices", "ScopeIncludesAllPractices", AuditFormat.Bool),
        AuditField.Of("Practices in scope", ["_scopedPracticeIds"], (values, _) => PracticeCount(values.Element("_scopedPracticeIds"))),
    ];

    private static readonly Dictionary<string, IReadOnlyList<AuditField>> Table = new(StringComparer.Ordinal)
    {
        [nameof(Practice)] =
        [
            AuditField.Text("Practice name", "Name"),
            AuditField.Text("Primary state", "PrimaryState"),
            AuditField.Of("Status", "Status", AuditFormat.Enum<PracticeStatus>),
            AuditField.Text("Notes", "Notes"),

            // The creation time is the event's; archiving and restoring are the event's action.
            AuditField.Hidden("CreatedAt", "ArchivedAt"),
        ],
        [nameof(LegalEntity)] =
        [
            AuditField.Of("Kind", "Kind", AuditFormat.Enum<EntityKind>),
            AuditField.Text("Legal name", "LegalName"),
            AuditField.Text("DBA", "Dba"),
            AuditField.Of("Form", "Form", AuditFormat.Enum<EntityForm>),
            AuditField.Text("State of formation", "StateOfFormation"),
            AuditField.Of("EIN", ["Ein"], (values, context) => values.Text("Ein") is { Length: > 4 } ein && !context.ShowSensitive ? $"**-***{ein[^4..]}" : values.Text("Ein")),
            AuditField.Of("Formed on", "FormedOn", AuditFormat.Date),
            AuditField.Of("Status", "Status", AuditFormat.Enum<EntityStatus>),
            AuditField.Text("Registered agent", "RegisteredAgent"),
            AuditField.Of("Annual report due (month)", "AnnualReportDueMonth", AuditFormat.MonthOfYear),
            AuditField.Text("Annual report due (day)", "AnnualReportDueDay"),
            AuditField.Text("Notes", "Notes"),
        ],
        [nameof(Person)] =
        [
            AuditField.Text("Name", "Name"),
            AuditField.Text("Email", "Email"),
            AuditField.Text("Phone", "Phone"),
        ],
        [nameof(License)] =
        [
            AuditField.Reference("Person", "PersonId"),
            AuditField.Of("Type", "Type", AuditFormat.Enum<LicenseType>),
            AuditField.Text("State", "State"),
            AuditField.Text("License number", "Number"),
            AuditField.Of("Issued on", "IssuedOn", AuditFormat.Date),
            AuditField.Of("Expires on", "ExpiresOn", AuditFormat.Date),
            AuditField.Of("Status", "Status", AuditFormat.Enum<LicenseStatus>),
        ],
        [nameof(EntityRole)] =
        [
            AuditField.Reference("Person", "PersonId"),
            AuditField.Reference("Entity", "EntityId"),
            AuditField.Of("Role", "Kind", AuditFormat.Enum<EntityRoleKind>),
            AuditField.Of("From", "From", AuditFormat.Date),
            AuditField.Of("To", "To", AuditFormat.Date),
        ],
        [nameof(Organization)] =
        [
            AuditField.Text("Name", "Name"),
            AuditField.Of("Kind", "Kind", AuditFormat.Enum<OrganizationKind>),
        ],
        [nameof(OwnershipStake)] =
        [
            AuditField.Reference("Entity", "EntityId"),

            // Exactly one of the two is set, so the owner reads as one value even when it moves from a person to an organisation.
            AuditField.Of("Owner", ["OwnerPersonId", "OwnerOrganizationId"], (values, context) =>
                (values.Id("OwnerPersonId") ?? values.Id("OwnerOrganizationId")) is { } owner ? context.Names.NameOf(owner) : null),
            AuditField.Of("Percent", "Percent", AuditFormat.Percent),
            AuditField.Of("From", "From", AuditFormat.Date),
            AuditField.Of("To", "To", AuditFormat.Date),
        ],
        [nameof(Agreement)] =
        [
            AuditField.Of("Type", "Type", AuditFormat.Enum<AgreementType>),
            AuditField.Text("Title", "Title"),
            AuditField.Reference("Management company (MSO)", "ManagementCompanyId"),
            AuditField.Reference("Professional entity (PC)", "ProfessionalEntityId"),
            AuditField.Of("Status", "Status", AuditFormat.Enum<AgreementStatus>),
            new AuditField(["Terms"], TermsChanges.Describe),
            AuditField.Text("Version", "VersionNumber"),
            AuditField.Of("These terms effective from", "CurrentVersionEffectiveOn", AuditFormat.Date),
            AuditField.Of("Recorded on import as", "ImportedAs", AuditFormat.Enum<AgreementStatus>),
            AuditField.Of("Reviewed outside MSO Manager", ["OutsideReviewCounsel", "OutsideReviewedOn"], (values, _) => OutsideReview(values)),
            // The version counsel read is the one executed, shown by the versions; "Reviewed outside" says the rest.
            AuditField.Hidden("OutsideReviewVersion"),
        ],
        [nameof(AgreementVersion)] =
        [
            // The agreement and the number are in the record's name; the version's terms are the agreement's
            // "before" in the same save, where they read term by term; it was superseded when the event happened.
            AuditField.Hidden("AgreementId", "Number", "Terms", "SupersededAt"),
            AuditField.Text("Title", "Title"),
            AuditField.Of("These terms effective from", "EffectiveOn", AuditFormat.Date),
            AuditField.Of("Superseded by", "SupersededBy", AuditFormat.Enum<AgreementVersionKind>),
        ],
        [nameof(Location)] =
        [
            AuditField.Text("Street", "Street"),
            AuditField.Text("City", "City"),
            AuditField.Text("State", "State"),
            AuditField.Text("ZIP", "Zip"),
        ],
        [nameof(FinancialMonth)] =
        [
            AuditField.Reference("Professional entity", "EntityId"),
            AuditField.Of("Month", "Month", AuditFormat.YearMonth),
            AuditField.Of("Collections", "Collections", AuditFormat.Money),
            AuditField.Of("Clinical expenses", "ClinicalExpenses", AuditFormat.Money),
            AuditField.Of("Management fee paid", "ManagementFeePaid", AuditFormat.Money),
        ],
        [nameof(SetupTask)] =
        [
            AuditField.Of("Phase", "Phase", AuditFormat.Enum<SetupPhase>),
            AuditField.Text("Title", "Title"),
            AuditField.Of("Status", "Status", AuditFormat.Enum<SetupTaskStatus>),
            AuditField.Text("Owner", "Owner"),
            AuditField.Of("Due on", "DueOn", AuditFormat.Date),
            AuditField.Reference("Concerns", "RecordId"),
        ],
        [nameof(Workspace)] =
        [
            AuditField.Text("Workspace name", "Name"),
            AuditField.Of("Two-step sign-in required", "RequiresTwoFactor", AuditFormat.Bool),
            AuditField.Hidden("CreatedAt"),
        ],
        [nameof(Member)] = RoleAndScope,
        [nameof(Invitation)] =
        [
            AuditField.Text("Email", "Email"),
            .. RoleAndScope,
            AuditField.Hidden("CreatedAt"),
            AuditField.Of("Expires", "ExpiresAt", AuditFormat.Instant),
            AuditField.Of("Accepted", "AcceptedAt", AuditFormat.Instant),
            AuditField.Of("Revoked", "RevokedAt", AuditFormat.Instant),
        ],
        [nameof(StateRuleCorrection)] =
        [
            AuditField.Text("State", "State"),
            AuditField.Of("CPOM strength", "Cpom", AuditFormat.Enum<CpomStrength>),
            AuditField.Of("CPOM confidence", "CpomConfidence", AuditFormat.Enum<Confidence>),
            AuditField.Of("Who may own the PC", "PcOwnerCategory", AuditFormat.Enum<PcOwnerCategory>),
            AuditField.Of("License types that may own the PC", "PcOwnerLicenses", AuditFormat.EnumList<LicenseType>),
            AuditField.Of("Corrects the physician minimum", "CorrectsPhysicianMinPercent", AuditFormat.Bool),
            AuditField.Of("Physician minimum", "PhysicianMinPercent", AuditFormat.Percent),
            AuditField.Of("PC owners confidence", "PcOwnersConfidence", AuditFormat.Enum<Confidence>),
            AuditField.Of("Professional entity forms", "ProfessionalForms", AuditFormat.EnumList<EntityForm>),
            AuditField.Of("Forms confidence", "ProfessionalFormsConfidence", AuditFormat.Enum<Confidence>),
            AuditField.Of("Fee splitting (percentage fee)", "FeeSplitting", AuditFormat.Enum<FeeSplittingStance>),
            AuditField.Of("Fee splitting confidence", "FeeSplittingConfidence", AuditFormat.Enum<Confidence>),
            AuditField.Of("Corrects the med spa notes", "CorrectsMedSpaNotes", AuditFormat.Bool),
            AuditField.Text("Med spa notes", "MedSpaNotes"),
            AuditField.Of("Med spa notes confidence", "MedSpaNotesConfidence", AuditFormat.Enum<Confidence>),
            AuditField.Text("Reason for the correction", "Reason"),
            AuditField.Text("Corrected by", "CorrectedByName"),
            AuditField.Of("Corrected", "CorrectedAt", AuditFormat.Instant),
        ],
    };

    /// <summary>The lines of an event: each listed field its values touch, in the form's order, then any other property in words.</summary>
    public static IEnumerable<AuditLine> Lines(string recordType, AuditValues? before, AuditValues? after, AuditContext context)
    {
        var present = (before?.Names ?? []).Union(after?.Names ?? []).ToHashSet(StringComparer.Ordinal);
        var fields = Table.GetValueOrDefault(recordType) ?? [];
        foreach (var field in fields.Where(f => f.Properties.Any(present.Contains)))
        {
            foreach (var line in field.Describe(before, after, context))
            {
                yield return line;
            }
        }

        var listed = fields.SelectMany(f => f.Properties).ToHashSet(StringComparer.Ordinal);
        foreach (var property in present.Where(p => !listed.Contains(p) && !IsInternal(p)).Order(StringComparer.Ordinal))
        {
            foreach (var line in Unlisted(property).Describe(before, after, context))
            {
                yield return line;
            }
        }
    }

    /// <summary>Ids, keys, the workspace and practice a record belongs to, users' ids and token hashes: stored, never shown.</summary>
    private static bool IsInternal(string property) =>
        property is "Id" or "Key" or "WorkspaceId" or "PracticeId"
        || property.EndsWith("UserId", StringComparison.Ordinal) || property.EndsWith("Hash", StringComparison.Ordinal);

    /// <summary>A property this table does not list yet: its name in words, its value read from how it is stored.</summary>
    private static AuditField Unlisted(string property)
    {
        var label = EnumLabels.Words(property);
        label = RecordNames.IsReference(property) && label.EndsWith(" id", StringComparison.Ordinal) ? label[..^3] : label;
        return AuditField.Of(label, [property], (values, context) => values.Element(property) is { } value ? Guess(value, context) : null);
    }

    private static string? Guess(JsonElement value, AuditContext context)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var items = value.EnumerateArray().Select(item => Guess(item, context)).OfType<string>().ToList();
            return items.Count == 0 ? null : string.Join(", ", items);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return AuditFormat.Bool(AuditValues.TextOf(value));
        }

        var text = value.GetString()!;
        return Guid.TryParse(text, out var id) ? context.Names.NameOf(id)
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? AuditFormat.Date(text)
            : text.Length > 10 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _) ? AuditFormat.Instant(text)
            : text.Length == 0 ? null
            : text;
    }

    private static string? OutsideReview(AuditValues values)
    {
        var by = values.Text("OutsideReviewCounsel") is { Length: > 0 } counsel ? $"by {counsel}" : null;
        var on = values.Text("OutsideReviewedOn") is { } date ? $"on {AuditFormat.Date(date)}" : null;
        return by is null && on is null ? null : string.Join(" ", new[] { by, on }.OfType<string>());
    }

    /// <summary>The listed practices as a count: they belong to the workspace, not to one practice's names.</summary>
    private static string? PracticeCount(JsonElement? stored)
    {
        var list = stored is { ValueKind: JsonValueKind.String } text ? TryParse(text.GetString()) : stored;
        return list is { ValueKind: JsonValueKind.Array } array ? AuditFormat.Count(array.GetArrayLength(), "practice", "practices") : null;
    }

    private static JsonElement? TryParse(string? json)
    {
        try
        {
            if (json is null)
            {
                return null;
            }

            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
