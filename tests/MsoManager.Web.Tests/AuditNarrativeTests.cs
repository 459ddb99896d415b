using System.Text.Json;
using System.Text.Json.Serialization;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.History;

namespace MsoManager.Web.Tests;

/// <summary>The history in words: events as the interceptor stores them (property name → stored value), read as an attorney would.</summary>
public sealed class AuditNarrativeTests
{
    private static readonly JsonSerializerOptions TermsJson = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly Practice _practice = Practice.Create(Guid.NewGuid(), "Glow Spa", StateCode.From("TX"), PracticeStatus.Operating, null, DateTimeOffset.UtcNow);
    private readonly LegalEntity _pc;
    private readonly LegalEntity _mso;
    private readonly Person _dana;

    public AuditNarrativeTests()
    {
        _pc = _practice.AddEntity(null, EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Active));
        _mso = _practice.AddEntity(null, EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("TX"), EntityStatus.Active));
        _dana = _practice.AddPerson(null, new PersonDetails("Dana Smith"));
    }

    [Fact]
    public void Describe_FeeChangedFromARateToAFlatFee_ReadsAsOneFeeLine()
    {
        var msa = _practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", _mso.Id, _pc.Id, MsaTerms.Empty);
        var before = new MsaTerms { FeeMethod = FeeMethod.PercentOfCollections, RatePercent = 45m, Services = [ServiceLine.Marketing], WithoutCauseNoticeDays = 90 };
        var after = before with { FeeMethod = FeeMethod.FlatMonthly, RatePercent = null, FlatMonthly = 25_000m };

        var entry = Describe(AuditAction.Changed, nameof(Agreement), msa.Id, new { Terms = Terms(before), VersionNumber = 1 }, new { Terms = Terms(after), VersionNumber = 2 });

        Assert.Equal(("Agreement “Glow MSA”", "Changed"), (entry.Record, entry.Action));
        Assert.Equal(["Fee: 45% of collections → $25,000 a month", "Version: 1 → 2"], Texts(entry));
    }

    [Fact]
    public void Describe_TermsChange_ShowsOnlyTheTermsThatChanged_ServicesAndAuthorityAsAddedAndRemoved()
    {
        var msa = _practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", _mso.Id, _pc.Id, MsaTerms.Empty);
        var before = new MsaTerms
        {
            EffectiveOn = new DateOnly(2026, 1, 1),
            InitialTermMonths = 36,
            FeeMethod = FeeMethod.CostPlus,
            MarkupPercent = 10m,
            Services = [ServiceLine.Marketing, ServiceLine.Technology],
            ReservedAuthority = [ClinicalAuthority.ClinicalProtocols, ClinicalAuthority.PatientRecords],
        };
        var after = before with
        {
            EffectiveOn = new DateOnly(2026, 3, 1),
            Services = [ServiceLine.Marketing, ServiceLine.HumanResources],
            ReservedAuthority = [ClinicalAuthority.ClinicalProtocols],
            FmvLow = 200_000m,
            FmvHigh = 300_000m,
        };

        var entry = Describe(AuditAction.Changed, nameof(Agreement), msa.Id, new { Terms = Terms(before) }, new { Terms = Terms(after) });

        Assert.Equal(
            [
                "Effective date: 2026-01-01 → 2026-03-01",
                "Services added: Human resources",
                "Services removed: Technology",
                "FMV range: — → $200,000 to $300,000 a year",
                "Reserved clinical authority removed: Patient records",
            ],
            Texts(entry));
    }

    [Fact]
    public void Describe_AgreementAdded_ListsTheTermsItHasAndNotTheOnesItLacks()
    {
        var msa = _practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", _mso.Id, _pc.Id, MsaTerms.Empty);
        var terms = new MsaTerms { FeeMethod = FeeMethod.Hybrid, FlatMonthly = 10_000m, RatePercent = 5m, Services = [ServiceLine.Marketing, ServiceLine.Training] };

        var entry = Describe(AuditAction.Created, nameof(Agreement), msa.Id, null, Stored(msa.Id, ("Type", "ManagementServicesAgreement"), ("Title", "Glow MSA"),
            ("ManagementCompanyId", _mso.Id), ("ProfessionalEntityId", _pc.Id), ("Status", "Draft"), ("Terms", Terms(terms)), ("VersionNumber", 1), ("CurrentVersionEffectiveOn", null)));

        Assert.Equal("Added", entry.Action);
        Assert.Equal(
            [
                "Type: MSA", "Title: Glow MSA", "Management company (MSO): Glow Management LLC", "Professional entity (PC): Glow Medical PLLC", "Status: Draft",
                "Services in scope: Marketing, Training", "Fee: $10,000 a month plus 5% of collections", "Version: 1",
            ],
            Texts(entry));
    }

    [Fact]
    public void Label_OfALicense_NamesItsPersonTypeStateAndNumber()
    {
        var license = _practice.AddLicense(_dana.Id, null, new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active, ExpiresOn: new DateOnly(2026, 1, 31)));

        var entry = Describe(AuditAction.Changed, nameof(License), license.Id, new { ExpiresOn = "2026-01-31" }, new { ExpiresOn = "2028-01-31" });

        Assert.Equal("Dana Smith's MD license TX Q1234", entry.Record);
        Assert.Equal(["Expires on: 2026-01-31 → 2028-01-31"], Texts(entry));
    }

    [Fact]
    public void Describe_EnumValues_ReadInWords()
    {
        var role = _practice.AddRole(_dana.Id, null, new EntityRoleDetails(_pc.Id, EntityRoleKind.MedicalDirector));
        var msa = _practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", _mso.Id, _pc.Id, MsaTerms.Empty);

        var added = Describe(AuditAction.Created, nameof(EntityRole), role.Id, null, Stored(role.Id, ("PersonId", _dana.Id), ("EntityId", _pc.Id), ("Kind", "MedicalDirector"), ("From", null), ("To", null)));
        var moved = Describe(AuditAction.Changed, nameof(Agreement), msa.Id, new { Status = "Draft" }, new { Status = "InReview" });

        Assert.Equal("Dana Smith's role as medical director at Glow Medical PLLC", added.Record);
        Assert.Equal(["Person: Dana Smith", "Entity: Glow Medical PLLC", "Role: Medical director"], Texts(added));
        Assert.Equal(["Status: Draft → In review"], Texts(moved));
    }

    [Fact]
    public void Describe_RecordAdded_ShowsItsFieldsButNoIdKeyOrWorkspace_AndTheEinMasked()
    {
        var entry = Describe(AuditAction.Created, nameof(LegalEntity), _pc.Id, null, Stored(_pc.Id, ("Kind", "ProfessionalEntity"), ("LegalName", "Glow Medical PLLC"),
            ("Dba", null), ("Form", "PLLC"), ("StateOfFormation", "TX"), ("Ein", "12-3456789"), ("FormedOn", "2025-02-03"), ("Status", "Active"), ("AnnualReportDueMonth", 3), ("AnnualReportDueDay", 15)));

        Assert.Equal("Professional entity Glow Medical PLLC", entry.Record);
        Assert.Equal(
            [
                "Kind: Professional entity", "Legal name: Glow Medical PLLC", "Form: PLLC", "State of formation: TX", "EIN: **-***6789", "Formed on: 2025-02-03",
                "Status: Active", "Annual report due (month): March", "Annual report due (day): 15",
            ],
            Texts(entry));
        var shown = string.Join("\n", Texts(entry));
        Assert.DoesNotContain(_pc.Id.ToString(), shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_practice.WorkspaceId.ToString(), shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_pc.Key, shown, StringComparison.Ordinal);
        Assert.Contains("EIN: 12-3456789", Texts(Describe(AuditAction.Created, nameof(LegalEntity), _pc.Id, null, new { Ein = "12-3456789" }, showSensitive: true)));
    }

    [Fact]
    public void Describe_ChangeWhoseValuesReadTheSame_ShowsNoLineForIt()
    {
        var stake = _practice.AddStake(null, new StakeDetails(_pc.Id, StakeOwner.OfPerson(_dana.Id), Percentage.From(45m, "Percent")));

        var entry = Describe(AuditAction.Changed, nameof(OwnershipStake), stake.Id, new { Percent = 45.0m, To = (string?)null }, new { Percent = 45.00m, To = "2027-01-01" });

        Assert.Equal("Dana Smith's stake in Glow Medical PLLC", entry.Record);
        Assert.Equal(["To: — → 2027-01-01"], Texts(entry));
    }

    [Fact]
    public void Describe_StakeMovedFromAPersonToAnOrganisation_ReadsAsOneOwnerLine()
    {
        var fund = _practice.AddOrganization(null, "Sunrise Capital", OrganizationKind.InvestmentFund);
        var stake = _practice.AddStake(null, new StakeDetails(_pc.Id, StakeOwner.OfPerson(_dana.Id), Percentage.From(45m, "Percent")));

        var entry = Describe(AuditAction.Changed, nameof(OwnershipStake), stake.Id,
            new { OwnerOrganizationId = (Guid?)null, OwnerPersonId = (Guid?)_dana.Id }, new { OwnerOrganizationId = (Guid?)fund.Id, OwnerPersonId = (Guid?)null });

        Assert.Equal(["Owner: Dana Smith → Sunrise Capital"], Texts(entry));
    }

    [Fact]
    public void Describe_RemovedRecords_AreNamedFromTheirRemovalEvents()
    {
        var personId = Guid.NewGuid();
        var licenseId = Guid.NewGuid();
        var names = RecordNames.Of(_practice);
        var licenseRemoved = Event(AuditAction.Deleted, nameof(License), licenseId, Stored(licenseId, ("PersonId", personId), ("Type", "MD"), ("State", "TX"), ("Number", "Q1234"), ("Status", "Active")), null);
        var personRemoved = Event(AuditAction.Deleted, nameof(Person), personId, Stored(personId, ("Name", "Dana Reyes"), ("Email", null), ("Phone", null)), null);

        // What the history service does for a page: learn the missing records from the trail, then narrate.
        Assert.Equal(new[] { licenseId, personId }.Order(), names.Missing([licenseRemoved]).Order());
        names.Learn(nameof(Person), personId, AuditValues.Parse(personRemoved.Before)!);
        var entry = AuditNarrative.Describe(licenseRemoved, names, showSensitive: false);

        Assert.Equal(("Dana Reyes's MD license TX Q1234", "Removed"), (entry.Record, entry.Action));
        Assert.Equal(["Person: Dana Reyes", "Type: MD", "State: TX", "License number: Q1234", "Status: Active"], Texts(entry));
        Assert.Empty(names.Missing([licenseRemoved, personRemoved]));
    }

    [Fact]
    public void Describe_PropertiesAddedLater_ReadInWords_AndIdsAsNames()
    {
        var msa = _practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", _mso.Id, _pc.Id, MsaTerms.Empty);

        var entry = Describe(AuditAction.Changed, nameof(Agreement), msa.Id,
            new { ImportedAs = (string?)null, OutsideReviewCounsel = (string?)null, OutsideReviewedOn = (string?)null, NeedsSecondSignature = false, WitnessPersonId = (Guid?)null },
            new { ImportedAs = "Executed", OutsideReviewCounsel = "Jane Roe, Esq.", OutsideReviewedOn = "2026-03-01", NeedsSecondSignature = true, WitnessPersonId = (Guid?)_dana.Id });

        Assert.Equal(
            [
                "Recorded on import as: — → Executed",
                "Reviewed outside MSO Manager: — → by Jane Roe, Esq. on 2026-03-01",
                "Needs second signature: No → Yes",
                "Witness person: — → Dana Smith",
            ],
            Texts(entry));
    }

    [Fact]
    public void Describe_PracticeArchived_SaysSoInTheAction()
    {
        var entry = Describe(AuditAction.Changed, nameof(Practice), _practice.Id, new { ArchivedAt = (string?)null }, new { ArchivedAt = "2026-03-01T14:05:00.0000000Z" });

        Assert.Equal(("Practice Glow Spa", "Archived"), (entry.Record, entry.Action));
        Assert.Empty(entry.Lines);
    }

    [Fact]
    public void Describe_ReviewRequested_SaysWhoAskedWhomForWhichVersionByWhen()
    {
        var (names, review, _) = ReviewOfTheMsa();

        var entry = Describe(AuditAction.Created, nameof(Review), review, null, Stored(review, RequestedReview()), names);

        Assert.Equal(("Review of “Glow MSA”", "Review requested"), (entry.Record, entry.Action));
        Assert.Equal(["Dana requested a review of “Glow MSA” (version 2) from Ada Attorney, due 2026-12-10", "Message: “Please look at the fee first.”"], Texts(entry));
    }

    [Fact]
    public void Describe_ChecklistItemAssessed_NamesTheItemTheAssessmentAndTheNote()
    {
        var (names, _, item) = ReviewOfTheMsa();

        var entry = Describe(AuditAction.Changed, nameof(ReviewChecklistItem), item,
            new { Assessment = "Unassessed", AssessedAt = (string?)null, Note = (string?)null },
            new { Assessment = "Concern", AssessedAt = "2026-12-03T10:00:00.0000000Z", Note = "Above the FMV high of $360,000 a year." }, names);

        Assert.Equal(("Checklist item FEE_WITHIN_FMV of the review of “Glow MSA”", "Assessed"), (entry.Record, entry.Action));
        Assert.Equal(["Ada Attorney assessed FEE_WITHIN_FMV “The fee is within the FMV range” as Concern: “Above the FMV high of $360,000 a year.”"], Texts(entry));
        Assert.Equal(["Ada Attorney assessed FEE_WITHIN_FMV “The fee is within the FMV range” as Not applicable"], Texts(Describe(AuditAction.Changed,
            nameof(ReviewChecklistItem), item, new { Assessment = "Concern" }, new { Assessment = "NotApplicable" }, names)));
    }

    [Fact]
    public void Describe_CommentsAndThreads_ReadAsWhoSaidWhatOnWhichSection_LongTextCut()
    {
        var (names, review, _) = ReviewOfTheMsa();
        var commentId = Guid.NewGuid();
        var text = "The fee takes 45% of collections. " + new string('x', 200);
        var comment = Stored(commentId, ("ReviewId", review), ("Section", "Fee"), ("WrittenOnVersion", 2), ("ThreadId", null), ("AuthorUserId", "user-2"),
            ("AuthorName", "Ada Attorney"), ("AuthorRole", "Attorney"), ("CreatedAt", "2026-12-03T10:00:00.0000000Z"), ("Text", text));

        var commented = Describe(AuditAction.Created, nameof(ReviewComment), commentId, null, comment, names);
        var edited = Describe(AuditAction.Changed, nameof(ReviewComment), commentId, new { Text = text }, new { Text = "Line one\nline two" }, names);
        var resolved = Describe(AuditAction.Changed, nameof(ReviewComment), commentId,
            new { ResolvedAt = (string?)null, ResolvedByName = (string?)null }, new { ResolvedAt = "2026-12-04T10:00:00.0000000Z", ResolvedByName = "Dana" }, names);

        Assert.Equal(("Comment on the review of “Glow MSA”", "Commented"), (commented.Record, commented.Action));
        var said = Assert.Single(Texts(commented));
        Assert.StartsWith("Ada Attorney commented on Fee (version 2): “The fee takes 45% of collections. xxx", said, StringComparison.Ordinal);
        Assert.EndsWith("…”", said, StringComparison.Ordinal);
        Assert.Equal(ReviewNarrative.QuoteLength, said[(said.IndexOf('“', StringComparison.Ordinal) + 1)..^1].Length);
        Assert.Equal(["Ada Attorney edited a comment on Fee: “Line one line two”"], Texts(edited));
        Assert.Equal(("Thread resolved", "Dana resolved a thread on Fee"), (resolved.Action, Texts(resolved).Single()));
    }

    [Fact]
    public void Describe_DecisionsAndVersionRead_ReadAsTheAttorneysActs()
    {
        var (names, review, _) = ReviewOfTheMsa();

        var changes = Describe(AuditAction.Changed, nameof(Review), review,
            new { Status = "Open", Decision = (string?)null, DecisionReason = (string?)null, DecidedVersion = (int?)null },
            new { Status = "ChangesRequested", Decision = "RequestChanges", DecisionReason = "Reserve clinical staffing to the PC.", DecidedVersion = 2 }, names);
        var approved = Describe(AuditAction.Changed, nameof(Review), review,
            new { Status = "Open", Decision = (string?)null, DecidedVersion = (int?)null }, new { Status = "Approved", Decision = "Approve", DecidedVersion = 3 }, names);
        var read = Describe(AuditAction.Changed, nameof(Review), review, new { VersionRead = 2 }, new { VersionRead = 3 }, names);

        Assert.Equal(("Changes requested", "Ada Attorney requested changes to version 2: “Reserve clinical staffing to the PC.”"), (changes.Action, Texts(changes).Single()));
        Assert.Equal(("Approved", "Ada Attorney approved version 3"), (approved.Action, Texts(approved).Single()));
        Assert.Equal(("Version read", "Ada Attorney marked version 3 read"), (read.Action, Texts(read).Single()));
    }

    [Theory]
    [InlineData("MedicalDirector", "Medical director")]
    [InlineData("InProgress", "In progress")]
    [InlineData("PCOwner", "PC owner")]
    [InlineData("EIN", "EIN")]
    [InlineData("_scopedPracticeIds", "Scoped practice ids")]
    public void Words_SplitPascalCase_KeepingAcronyms(string name, string words) =>
        Assert.Equal(words, Features.Practices.EnumLabels.Words(name));

    private AuditEntry Describe(AuditAction action, string type, Guid recordId, object? before, object? after, bool showSensitive = false) =>
        AuditNarrative.Describe(Event(action, type, recordId, before, after), RecordNames.Of(_practice), showSensitive);

    private AuditEntry Describe(AuditAction action, string type, Guid recordId, object? before, object? after, RecordNames names) =>
        AuditNarrative.Describe(Event(action, type, recordId, before, after), names, showSensitive: false);

    /// <summary>
    /// Dana's request of a review of version 2 of Glow MSA from Ada Attorney, as the history has learned it from
    /// the trail (its creation, and its FEE_WITHIN_FMV item's): the names, the review's and the item's ids.
    /// </summary>
    private (RecordNames Names, Guid Review, Guid Item) ReviewOfTheMsa()
    {
        var msa = _practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", _mso.Id, _pc.Id, MsaTerms.Empty);
        var names = RecordNames.Of(_practice);
        var review = Guid.NewGuid();
        var item = Guid.NewGuid();
        names.Learn(nameof(Review), review, AuditValues.Parse(Json(Stored(review, RequestedReview(msa.Id))))!);
        names.Learn(nameof(ReviewChecklistItem), item, AuditValues.Parse(Json(Stored(item, ("ReviewId", review), ("Code", "FEE_WITHIN_FMV"),
            ("Assessment", "Unassessed"), ("Note", null), ("AssessedAt", null))))!);
        return (names, review, item);
    }

    private (string Name, object? Value)[] RequestedReview(Guid? agreementId = null) =>
    [
        ("AgreementId", agreementId ?? _practice.Agreements.Single().Id), ("AttorneyUserId", "user-2"), ("AttorneyName", "Ada Attorney"),
        ("RequestedByUserId", "user-1"), ("RequestedByName", "Dana"), ("RequestedAt", "2026-12-01T09:00:00.0000000Z"), ("RequestedVersion", 2),
        ("VersionRead", 2), ("DueOn", "2026-12-10"), ("Message", "Please look at the fee first."), ("Status", "Open"), ("Decision", null),
        ("DecisionReason", null), ("DecidedAt", null), ("DecidedVersion", null),
    ];

    private AuditEvent Event(AuditAction action, string type, Guid recordId, object? before, object? after) =>
        AuditEvent.Record(_practice.WorkspaceId, 1, AuditEvent.GenesisHash, new DateTimeOffset(2026, 3, 1, 14, 5, 0, TimeSpan.Zero), "user-1", "dana@x.test",
            action, type, recordId, _practice.Id, Json(before), Json(after));

    /// <summary>A record's values as the interceptor stores a creation or removal: every column, its id, key, workspace and practice included.</summary>
    private SortedDictionary<string, object?> Stored(Guid id, params (string Name, object? Value)[] values)
    {
        var stored = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Id"] = id,
            ["Key"] = "glow-pc",
            ["WorkspaceId"] = _practice.WorkspaceId,
            ["PracticeId"] = _practice.Id,
        };
        foreach (var (name, value) in values)
        {
            stored[name] = value;
        }

        return stored;
    }

    private static string Terms(MsaTerms terms) => JsonSerializer.Serialize(terms, TermsJson);

    private static string? Json(object? values) => values is null ? null : JsonSerializer.Serialize(values);

    private static List<string> Texts(AuditEntry entry) => [.. entry.Lines.Select(l => l.Text)];
}
