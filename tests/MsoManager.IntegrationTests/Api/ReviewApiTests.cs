using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;

namespace MsoManager.IntegrationTests.Api;

/// <summary>
/// The review endpoints of review.md on PostgreSQL: requesting a review, reading it with its checklist
/// suggestions, the attorney's assessments and decision, comments; every refusal with its status and
/// field, and nothing written when refused.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    private const string AttorneyEmail = "attorney@x.test";

    // Every test signs several members in; the token endpoint's per-address limit is not what is tested here.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Api:TokenRateLimit:PermitLimit"] = "1000" };

    private static string DueOn => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Request_ByAConsultant_Is201WithLocation_PutsTheAgreementInReview_AndGetHasReviewMdsShape()
    {
        var firm = await FirmAsync();

        var response = await firm.Consultant.PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = "Attorney@X.test", dueOn = DueOn, message = "Please look at the fee." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await ReadObjectAsync(response))["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/reviews/{id}", response.Headers.Location!.OriginalString);
        var review = await ReadObjectAsync(await firm.Attorney.GetAsync(response.Headers.Location));
        Assert.Equal(
            ["id", "practiceId", "agreementKey", "agreementTitle", "version", "agreementVersion", "isBehind", "status", "attorney", "requestedBy", "requestedAt",
                "dueOn", "overdue", "message", "asOf", "checklist", "comments", "decision", "withdrawal"],
            review.Select(p => p.Key));
        Assert.Equal((id, firm.PracticeId, "msa", 1, 1, false, "Open"), (
            review["id"]!.GetValue<Guid>(), review["practiceId"]!.GetValue<Guid>(), review["agreementKey"]!.GetValue<string>(), review["version"]!.GetValue<int>(),
            review["agreementVersion"]!.GetValue<int>(), review["isBehind"]!.GetValue<bool>(), review["status"]!.GetValue<string>()));
        Assert.Equal("""{"name":"attorney","email":"attorney@x.test"}""", review["attorney"]!.ToJsonString());
        Assert.Equal("""{"name":"consultant","email":"consultant@x.test"}""", review["requestedBy"]!.ToJsonString());
        Assert.Equal((DueOn, false, "Please look at the fee.", Today), (
            review["dueOn"]!.GetValue<string>(), review["overdue"]!.GetValue<bool>(), review["message"]!.GetValue<string>(), review["asOf"]!.GetValue<string>()));
        Assert.Equal(ReviewChecklist.Codes, review["checklist"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
        Assert.All(review["checklist"]!.AsArray(), i => Assert.Equal(("Unassessed", null), (i!["assessment"]!.GetValue<string>(), i["note"]?.GetValue<string>())));
        var parties = review["checklist"]![0]!;
        Assert.Equal(ReviewChecklist.Entries[0].Title, parties["title"]!.GetValue<string>());
        Assert.Equal("""{"assessment":"Pass","findings":[]}""", parties["suggestion"]!.ToJsonString());
        Assert.Null(review["checklist"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "CONTROL_AGREEMENTS")!["suggestion"]);
        Assert.Empty(review["comments"]!.AsArray());
        Assert.Null(review["decision"]);
        Assert.Null(review["withdrawal"]);
        Assert.Equal("InReview", await AgreementStatusAsync(firm));
    }

    [Theory]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public async Task Request_ByARoleThatDoesNotEditPractices_Is403AndWritesNothing(MemberRole role)
    {
        var firm = await FirmAsync();
        var before = await RowsAsync();

        var response = await firm.As(role).PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = AttorneyEmail });

        await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowsAsync());
        Assert.Equal("Draft", await AgreementStatusAsync(firm));
    }

    [Theory]
    [InlineData("nobody@x.test")] // no account
    [InlineData("stranger@x.test")] // an account, not a member
    [InlineData("consultant@x.test")] // a member, not an Attorney
    [InlineData("scoped.attorney@x.test")] // an Attorney whose scope leaves the practice out
    [InlineData("")]
    public async Task Request_OfSomeoneWhoIsNotAnAttorneyWithThePracticeInScope_Is400NamingAttorneyEmailAndWritesNothing(string email)
    {
        var firm = await FirmAsync();
        var before = await RowsAsync();

        var response = await firm.Consultant.PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = email, dueOn = DueOn });

        Assert.Equal(["attorneyEmail"], await ErrorPathsAsync(response));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Request_OfAnUnknownAgreementOrPractice_Is404_AndADueDateInThePastIs400()
    {
        var firm = await FirmAsync();
        var before = await RowsAsync();

        var unknownKey = await firm.Consultant.PostAsJsonAsync(RequestPath(firm.PracticeId, "no-such-msa"), new { attorneyEmail = AttorneyEmail });
        var unknownPractice = await firm.Consultant.PostAsJsonAsync(RequestPath(Guid.NewGuid()), new { attorneyEmail = AttorneyEmail });
        var past = await firm.Consultant.PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = AttorneyEmail, dueOn = "2020-01-01" });

        Assert.Contains("agreement", (await ProblemAsync(unknownKey, HttpStatusCode.NotFound))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAsync(unknownPractice, HttpStatusCode.NotFound);
        Assert.Equal(["dueOn"], await ErrorPathsAsync(past));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Request_OfAnExecutedAgreement_Is409AndWritesNothing()
    {
        var firm = await FirmAsync(status: "Executed");
        var before = await RowsAsync();

        var response = await firm.Consultant.PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = AttorneyEmail });

        Assert.Contains("executed", (await ProblemAsync(response, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Request_OfAnAgreementImportedInReview_Is201()
    {
        var firm = await FirmAsync(status: "InReview");

        var id = await RequestOkAsync(firm);

        Assert.Equal("Open", (await ReviewAsync(firm.Attorney, id))["status"]!.GetValue<string>());
        Assert.Equal("InReview", await AgreementStatusAsync(firm));
    }

    [Fact]
    public async Task Assess_ByTheAssignedAttorney_IsStoredWithItsNote_AndReturnsTheItem()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);

        var response = await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "FEE_WITHIN_FMV"), new { assessment = "Concern", note = "The fee is at the top of the range." });

        var item = await ReadObjectAsync(response);
        Assert.Equal(("FEE_WITHIN_FMV", "Concern", "The fee is at the top of the range."), (item["code"]!.GetValue<string>(), item["assessment"]!.GetValue<string>(), item["note"]!.GetValue<string>()));
        var stored = (await ReviewAsync(firm.Owner, id))["checklist"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "FEE_WITHIN_FMV")!;
        Assert.Equal(("Concern", "The fee is at the top of the range."), (stored["assessment"]!.GetValue<string>(), stored["note"]!.GetValue<string>()));
        Assert.NotNull(stored["assessedAt"]);
    }

    [Theory]
    [InlineData(MemberRole.Owner)]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    [InlineData(null)] // another Attorney with the practice in scope, not the one asked
    public async Task Assess_ByAnyoneButTheAssignedAttorney_Is403AndWritesNothing(MemberRole? role)
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var response = await (role is { } r ? firm.As(r) : firm.OtherAttorney).PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Pass" });

        await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Assess_AnUnknownCodeOrAssessment_Is400NamingIt_AndAfterTheDecisionIs409()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var unknownCode = await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "NO_SUCH_ITEM"), new { assessment = "Pass" });
        var unknownAssessment = await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Fine" });
        var numeric = await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "1" });

        Assert.Equal(["code"], await ErrorPathsAsync(unknownCode));
        Assert.Equal(["assessment"], await ErrorPathsAsync(unknownAssessment));
        Assert.Equal(["assessment"], await ErrorPathsAsync(numeric));
        Assert.Equal(before, await RowsAsync());

        await DecideOkAsync(firm, id, "RequestChanges", "Reserve clinical staffing to the PC.");
        var afterDecision = await RowsAsync();
        var decided = await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Pass" });

        Assert.Contains("already sent back", (await ProblemAsync(decided, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(afterDecision, await RowsAsync());
    }

    [Fact]
    public async Task Comment_ByEveryRoleThatMayComment_Is201AndListed_AndAReplyJoinsItsThreadAndSection()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);

        var first = await CommentOkAsync(firm.Client, id, new { section = "Fee", text = "Why a flat fee?" });
        var reply = await CommentOkAsync(firm.Attorney, id, new { section = "Parties", text = "Flat is easier to defend.", replyTo = first });
        var owner = await CommentOkAsync(firm.Owner, id, new { section = "Parties", text = "Owner here." });
        var consultant = await CommentOkAsync(firm.Consultant, id, new { section = "General", text = "Consultant here.", replyTo = (Guid?)null });

        var comments = (await ReviewAsync(firm.Viewer, id))["comments"]!.AsArray();
        Assert.Equal(
            [
                (first, "Fee", first, "client", "Client", "Why a flat fee?"),
                (reply, "Fee", first, "attorney", "Attorney", "Flat is easier to defend."),
                (owner, "Parties", owner, "owner", "Owner", "Owner here."),
                (consultant, "General", consultant, "consultant", "Consultant", "Consultant here."),
            ],
            comments.Select(c => (
                c!["id"]!.GetValue<Guid>(), c["section"]!.GetValue<string>(), c["threadId"]!.GetValue<Guid>(), c["author"]!.GetValue<string>(),
                c["authorRole"]!.GetValue<string>(), c["text"]!.GetValue<string>())));
        Assert.All(comments, c => Assert.Equal(1, c!["version"]!.GetValue<int>()));
        Assert.All(comments, c => Assert.Null(c!["editedAt"]));
    }

    [Theory]
    [InlineData("Fee", "", "text")]
    [InlineData("Fee", "   ", "text")]
    [InlineData("Fee", null, "text")]
    [InlineData("Price", "A comment.", "section")]
    [InlineData(null, "A comment.", "section")]
    [InlineData("Price", "", "section,text")]
    public async Task Comment_Invalid_Is400NamingEachBadField_AndWritesNothing(string? section, string? text, string fields)
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var response = await firm.Client.PostAsJsonAsync(CommentsPath(id), new { section, text });

        Assert.Equal(fields.Split(','), (await ErrorPathsAsync(response)).Order(StringComparer.Ordinal));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Comment_OfMoreThan4000Characters_Is400NamingText_AndOf4000IsSaved()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var tooLong = await firm.Client.PostAsJsonAsync(CommentsPath(id), new { section = "Fee", text = new string('x', ReviewComment.MaxLength + 1) });

        Assert.Contains("4,001", (await ProblemAsync(tooLong, HttpStatusCode.BadRequest))["errors"]!["text"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());
        await CommentOkAsync(firm.Client, id, new { section = "Fee", text = new string('x', ReviewComment.MaxLength) });
    }

    [Fact]
    public async Task Comment_ByAViewer_Is403AndWritesNothing_AndAReplyToAnUnknownCommentIs400()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var viewer = await firm.Viewer.PostAsJsonAsync(CommentsPath(id), new { section = "Fee", text = "May I?" });
        var orphan = await firm.Client.PostAsJsonAsync(CommentsPath(id), new { text = "A reply to nothing.", replyTo = Guid.NewGuid() });

        await ProblemAsync(viewer, HttpStatusCode.Forbidden);
        Assert.Equal(["replyTo"], await ErrorPathsAsync(orphan));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task EditComment_OwnLatest_Is200AndAudited_ButSomeoneElsesOrOneRepliedToIs400NamingComment()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var mine = await CommentOkAsync(firm.Client, id, new { section = "Fee", text = "Typo hre." });

        var edited = await ReadObjectAsync(await firm.Client.PutAsJsonAsync(CommentPath(id, mine), new { text = "Typo here." }));

        Assert.Equal(("Typo here.", mine), (edited["text"]!.GetValue<string>(), edited["id"]!.GetValue<Guid>()));
        Assert.NotNull(edited["editedAt"]);
        var before = await RowsAsync();
        var byOther = await firm.Attorney.PutAsJsonAsync(CommentPath(id, mine), new { text = "Not mine to change." });
        var empty = await firm.Client.PutAsJsonAsync(CommentPath(id, mine), new { text = "" });
        var unknown = await firm.Client.PutAsJsonAsync(CommentPath(id, Guid.NewGuid()), new { text = "Where?" });
        Assert.Contains("author", (await ProblemAsync(byOther, HttpStatusCode.BadRequest))["errors"]!["comment"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["text"], await ErrorPathsAsync(empty));
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(before, await RowsAsync());

        await CommentOkAsync(firm.Attorney, id, new { text = "Noted.", replyTo = mine });
        var afterReply = await RowsAsync();
        var late = await firm.Client.PutAsJsonAsync(CommentPath(id, mine), new { text = "Changed after the reply." });

        Assert.Contains("replied", (await ProblemAsync(late, HttpStatusCode.BadRequest))["errors"]!["comment"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(afterReply, await RowsAsync());
        Assert.Equal("Typo here.", (await ReviewAsync(firm.Owner, id))["comments"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResolveAndReopen_AThreadByAReply_AnswerTheThreadStart_AndAViewerGets403()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var start = await CommentOkAsync(firm.Consultant, id, new { section = "Term", text = "Is 60 months right?" });
        var reply = await CommentOkAsync(firm.Attorney, id, new { text = "Yes.", replyTo = start });

        var resolved = await ReadObjectAsync(await firm.Attorney.PostAsync($"{CommentPath(id, reply)}/resolve", null));

        Assert.Equal((start, "attorney"), (resolved["id"]!.GetValue<Guid>(), resolved["resolvedBy"]!.GetValue<string>()));
        Assert.NotNull(resolved["resolvedAt"]);
        var before = await RowsAsync();
        await ProblemAsync(await firm.Viewer.PostAsync($"{CommentPath(id, start)}/reopen", null), HttpStatusCode.Forbidden);
        await ProblemAsync(await firm.Consultant.PostAsync($"{CommentPath(id, Guid.NewGuid())}/reopen", null), HttpStatusCode.NotFound);
        Assert.Equal(before, await RowsAsync());

        var reopened = await ReadObjectAsync(await firm.Consultant.PostAsync($"{CommentPath(id, start)}/reopen", null));

        Assert.Equal((start, null, null), (reopened["id"]!.GetValue<Guid>(), reopened["resolvedAt"], reopened["resolvedBy"]));
    }

    [Fact]
    public async Task Decide_Approve_WithEveryItemAssessed_Is200WithTheReview_AndTheAgreementIsApproved()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await AssessAllAsync(firm, id);

        var review = await ReadObjectAsync(await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "Approve", reason = "Sound." }));

        Assert.Equal("Approved", review["status"]!.GetValue<string>());
        var decision = review["decision"]!;
        Assert.Equal(("Approve", "Sound.", "attorney", 1), (
            decision["decision"]!.GetValue<string>(), decision["reason"]!.GetValue<string>(), decision["decidedBy"]!.GetValue<string>(), decision["version"]!.GetValue<int>()));
        Assert.NotNull(decision["decidedAt"]);
        Assert.Equal("Approved", await AgreementStatusAsync(firm));
    }

    [Fact]
    public async Task Decide_ApproveWithItemsUnassessedOrAConcernWithoutANote_Is400NamingChecklistWithTheItems_AndWritesNothing()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Pass" });
        var before = await RowsAsync();

        var unassessed = await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "Approve" });

        var message = (await ProblemAsync(unassessed, HttpStatusCode.BadRequest))["errors"]!["checklist"]![0]!.GetValue<string>();
        Assert.Contains("SERVICES_SPECIFIC", message, StringComparison.Ordinal);
        Assert.Contains("CONTROL_AGREEMENTS", message, StringComparison.Ordinal);
        Assert.DoesNotContain("PARTIES", message, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());

        await AssessAllAsync(firm, id);
        await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "FEE_SPLITTING"), new { assessment = "Concern" });
        var silentBefore = await RowsAsync();
        var silent = await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "Approve" });

        var silentMessage = (await ProblemAsync(silent, HttpStatusCode.BadRequest))["errors"]!["checklist"]![0]!.GetValue<string>();
        Assert.Contains("note", silentMessage, StringComparison.Ordinal);
        Assert.Contains("FEE_SPLITTING", silentMessage, StringComparison.Ordinal);
        Assert.Equal(silentBefore, await RowsAsync());
        Assert.Equal("InReview", await AgreementStatusAsync(firm));
    }

    [Theory]
    [InlineData(null, "decision")]
    [InlineData("Reject", "decision")]
    [InlineData("RequestChanges", "reason")]
    public async Task Decide_WithoutAValidDecisionOrARequestForChangesWithoutAReason_Is400NamingIt(string? decision, string field)
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var response = await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision, reason = "  " });

        Assert.Equal([field], await ErrorPathsAsync(response));
        Assert.Equal(before, await RowsAsync());
    }

    [Theory]
    [InlineData(MemberRole.Owner)]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    [InlineData(null)]
    public async Task Decide_ByAnyoneButTheAssignedAttorney_Is403AndWritesNothing(MemberRole? role)
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var response = await (role is { } r ? firm.As(r) : firm.OtherAttorney).PostAsJsonAsync(DecisionPath(id), new { decision = "RequestChanges", reason = "No." });

        var detail = (await ProblemAsync(response, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>();
        Assert.Contains(role is null ? "Only the assigned attorney (attorney)" : $"{role} you cannot", detail, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());
        Assert.Equal("InReview", await AgreementStatusAsync(firm));
    }

    [Fact]
    public async Task Decide_AgainOnADecidedReview_Is409SayingWhoDecided()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await DecideOkAsync(firm, id, "RequestChanges", "Reserve clinical staffing to the PC.");
        var before = await RowsAsync();

        var again = await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "RequestChanges", reason = "Once more." });

        var detail = (await ProblemAsync(again, HttpStatusCode.Conflict))["detail"]!.GetValue<string>();
        Assert.Contains("already sent back with changes requested by attorney", detail, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Decide_AfterTheAgreementChanged_Is409UntilTheAttorneyMarksTheNewVersionRead()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await AssessAllAsync(firm, id);
        var document = await ReadObjectAsync(await firm.Consultant.GetAsync(PracticePath(firm.PracticeId)));
        document["agreements"]![0]!["fee"]!["flatMonthly"] = 26000;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(firm.Consultant, firm.PracticeId, document, await ETagAsync(firm.Consultant, firm.PracticeId))).StatusCode);
        var behind = await ReviewAsync(firm.Attorney, id);
        Assert.Equal((1, 2, true), (behind["version"]!.GetValue<int>(), behind["agreementVersion"]!.GetValue<int>(), behind["isBehind"]!.GetValue<bool>()));
        var before = await RowsAsync();

        var stale = await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "Approve" });
        var wrongVersion = await firm.Attorney.PostAsJsonAsync(VersionPath(id), new { version = 1 });
        var noVersion = await firm.Attorney.PostAsJsonAsync(VersionPath(id), new { });
        var notTheirs = await firm.Consultant.PostAsJsonAsync(VersionPath(id), new { version = 2 });

        Assert.Contains("changed since version 1", (await ProblemAsync(stale, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["version"], await ErrorPathsAsync(wrongVersion));
        Assert.Equal(["version"], await ErrorPathsAsync(noVersion));
        await ProblemAsync(notTheirs, HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowsAsync());

        var read = await ReadObjectAsync(await firm.Attorney.PostAsJsonAsync(VersionPath(id), new { version = 2 }));
        Assert.Equal((2, false), (read["version"]!.GetValue<int>(), read["isBehind"]!.GetValue<bool>()));
        var approved = await ReadObjectAsync(await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "Approve" }));
        Assert.Equal(2, approved["decision"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Queue_AssignedToMe_ListsTheAttorneysOpenReviews_RequestedByMeTheRequesters_AndDecidedOnesOnRequest()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);

        var assigned = (await firm.Attorney.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=true"))!;
        var byDefault = (await firm.Attorney.GetFromJsonAsync<JsonArray>("/api/v1/reviews"))!;
        var requested = (await firm.Consultant.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=false"))!;
        var otherAttorney = (await firm.OtherAttorney.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=true"))!;
        var consultantAssigned = (await firm.Consultant.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=true"))!;

        var item = Assert.Single(assigned)!;
        Assert.Equal(
            $"{id} {firm.Workspace.Id} Firm {firm.PracticeId} Glow Aesthetics msa 1 1 attorney attorney@x.test consultant consultant@x.test {DueOn} false Open",
            string.Join(' ', item["id"], item["workspaceId"], item["workspaceName"], item["practiceId"], item["practiceName"], item["agreementKey"], item["version"],
                item["agreementVersion"], item["attorney"]!["name"], item["attorney"]!["email"], item["requestedBy"]!["name"], item["requestedBy"]!["email"],
                item["dueOn"], item["overdue"], item["status"]));
        Assert.False(string.IsNullOrEmpty(item["agreementTitle"]!.GetValue<string>()));
        Assert.Equal(item.ToJsonString(), Assert.Single(byDefault)!.ToJsonString());
        Assert.Equal(id, Assert.Single(requested)!["id"]!.GetValue<Guid>());
        Assert.Empty(otherAttorney);
        Assert.Empty(consultantAssigned);

        await DecideOkAsync(firm, id, "RequestChanges", "Reserve clinical staffing to the PC.");

        Assert.Empty((await firm.Attorney.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=true"))!);
        var decided = Assert.Single((await firm.Attorney.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=true&includeDecided=true"))!)!;
        Assert.Equal(("ChangesRequested", "RequestChanges"), (decided["status"]!.GetValue<string>(), decided["decision"]!.GetValue<string>()));
        Assert.Equal(["assignedToMe"], await ErrorPathsAsync(await firm.Attorney.GetAsync("/api/v1/reviews?assignedToMe=maybe")));
    }

    [Fact]
    public async Task EveryEndpoint_ForAReviewOfAnotherWorkspaceOrOutsideTheCallersScope_Is404_AndWritesNothing()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var comment = await CommentOkAsync(firm.Attorney, id, new { section = "Fee", text = "Mine." });

        // The assigned attorney loses the practice from their scope: the review is no longer theirs to see.
        var narrowed = await firm.Owner.PutAsJsonAsync(
            $"/api/v1/workspaces/{firm.Workspace.Id}/members/{AttorneyEmail}", new { role = "Attorney", practices = new[] { firm.OtherPracticeId } });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        var stranger = await CreateUserAsync("elsewhere@x.test");
        await CreateWorkspaceAsync("Elsewhere", stranger);
        using var strangerClient = await ClientForAsync(stranger);
        var before = await RowsAsync();

        foreach (var caller in new[] { firm.Attorney, firm.ScopedAttorney, strangerClient })
        {
            foreach (var (name, send) in EveryEndpoint(id, comment, firm.PracticeId))
            {
                var response = await send(caller);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            Assert.Empty((await caller.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=true&includeDecided=true"))!);
        }

        Assert.Equal(before, await RowsAsync());
        foreach (var (name, send) in EveryEndpoint(Guid.NewGuid(), comment, Guid.NewGuid()))
        {
            Assert.True((await send(firm.Owner)).StatusCode == HttpStatusCode.NotFound, name);
        }
    }

    public static TheoryData<string, string[], string[]> Examples => new()
    {
        // No finding: every item with mapped codes is a suggested Pass.
        { "example-clean-tx", [], [] },

        // Both findings are about the PC, and both are mapped to PC_OWNERSHIP.
        { "example-ca-np-majority", ["PC_OWNERSHIP:PC_FORM_NOT_PERMITTED/pc,PC_PHYSICIAN_MINORITY/pc"], ["PC_OWNERSHIP:PC_FORM_NOT_PERMITTED/pc,PC_PHYSICIAN_MINORITY/pc"] },

        // Two findings about the MSA and one about a stake in the PC. FEE_FMV_UNDOCUMENTED is about an approved or executed MSA
        // (compliance-rules.md): the suggestions read the version under review as it would stand once approved, so it is a
        // Concern while the review is open, before the approval that would make it fire.
        {
            "example-ny-lay-owner",
            ["FMV_DOCUMENTED:FEE_FMV_UNDOCUMENTED/msa", "FEE_SPLITTING:FEE_PERCENTAGE_RESTRICTED/msa", "PC_OWNERSHIP:PC_OWNER_INELIGIBLE/s1b"],
            ["FMV_DOCUMENTED:FEE_FMV_UNDOCUMENTED/msa", "FEE_SPLITTING:FEE_PERCENTAGE_RESTRICTED/msa", "PC_OWNERSHIP:PC_OWNER_INELIGIBLE/s1b"]
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Get_SpecExample_SuggestsAsReviewMdMapsTheFindings(string example, string[] whileInReview, string[] onceApproved)
    {
        var file = ExampleFile(example);
        var asOf = file["asOf"]!.GetValue<string>();
        var firm = await FirmAsync(example);
        var id = await RequestOkAsync(firm);

        var open = await ReadObjectAsync(await firm.Attorney.GetAsync($"{ReviewPath(id)}?asOf={asOf}"));

        Assert.Equal(asOf, open["asOf"]!.GetValue<string>());
        AssertSuggestions(whileInReview, open);

        // The attorney takes every suggestion (NotApplicable where there is none) and approves.
        foreach (var item in open["checklist"]!.AsArray())
        {
            var assessment = item!["suggestion"]?["assessment"]?.GetValue<string>() ?? "NotApplicable";
            var put = await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, item["code"]!.GetValue<string>()), new { assessment, note = assessment == "Concern" ? "As the findings say." : null });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await DecideOkAsync(firm, id, "Approve", null);
        var approved = await ReadObjectAsync(await firm.Attorney.GetAsync($"{ReviewPath(id)}?asOf={asOf}"));

        AssertSuggestions(onceApproved, approved);
        var expectedFindings = file["expectedFindings"]!.AsArray().Select(f => $"{f!["code"]}/{f["subjectKey"]}").Order(StringComparer.Ordinal);
        var suggested = approved["checklist"]!.AsArray().SelectMany(i => i!["suggestion"]?["findings"]?.AsArray() ?? []).Select(f => $"{f!["code"]}/{f["subjectKey"]}");
        Assert.Equal(expectedFindings, suggested.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_WithAnAsOfThatIsNotADate_Is400NamingAsOf()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);

        Assert.Equal(["asOf"], await ErrorPathsAsync(await firm.Attorney.GetAsync($"{ReviewPath(id)}?asOf=2026-13-01")));
    }

    [Fact]
    public async Task PutOfThePracticeDocument_KeepsTheAgreementsReviewWithItsCommentsAndAssessments()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var comment = await CommentOkAsync(firm.Client, id, new { section = "Fee", text = "Keep me." });
        await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Pass" });
        var before = await ReviewAsync(firm.Owner, id);
        var get = await firm.Consultant.GetAsync(PracticePath(firm.PracticeId));
        var document = await ReadObjectAsync(get);

        var unchanged = await PutAsync(firm.Consultant, firm.PracticeId, document, get.Headers.ETag!.Tag);
        document["notes"] = "Renamed a detail.";
        document["agreements"]![0]!["fee"]!["flatMonthly"] = 26000;
        var changed = await PutAsync(firm.Consultant, firm.PracticeId, document, unchanged.Headers.ETag!.Tag);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unchanged.StatusCode, changed.StatusCode));
        var after = await ReviewAsync(firm.Owner, id);
        Assert.Equal(before["comments"]!.ToJsonString(), after["comments"]!.ToJsonString());
        Assert.Equal(comment, after["comments"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal(before["checklist"]!.ToJsonString(), after["checklist"]!.ToJsonString());
        Assert.Equal(("Open", 1, 2), (after["status"]!.GetValue<string>(), after["version"]!.GetValue<int>(), after["agreementVersion"]!.GetValue<int>()));
        Assert.Equal("InReview", await AgreementStatusAsync(firm));
    }

    [Fact]
    public async Task EveryReviewStep_IsInThePracticesAuditTrail_AndTheChainVerifies()
    {
        var firm = await FirmAsync();
        var sequenceBefore = await LastSequenceAsync();
        var id = await RequestOkAsync(firm);
        await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Pass", note = "Both formed in Texas." });
        await CommentOkAsync(firm.Client, id, new { section = "Fee", text = "Audited?" });
        await DecideOkAsync(firm, id, "RequestChanges", "Reserve clinical staffing to the PC.");

        var csv = await firm.Owner.GetAsync($"/api/v1/practices/{firm.PracticeId}/audit.csv");

        var body = await csv.Content.ReadAsStringAsync();
        Assert.True(csv.StatusCode == HttpStatusCode.OK, body);
        var sequences = body.Split('\n').Skip(1).Select(line => line.Split(',')[0].Trim('\uFEFF')).ToHashSet(StringComparer.Ordinal);
        var events = await EventsSinceAsync(firm.Workspace.Id, sequenceBefore);
        var steps = new[]
        {
            ("request", nameof(Review), "Created"),
            ("request", "Agreement", "Changed"),
            ("assess", nameof(ReviewChecklistItem), "Changed"),
            ("comment", nameof(ReviewComment), "Created"),
            ("decide", nameof(Review), "Changed"),
        };
        foreach (var (step, recordType, action) in steps)
        {
            var audited = events.Where(e => e.RecordType == recordType && e.Action == action).ToList();
            Assert.True(audited.Count > 0, $"{step}: no {action} {recordType} event");
            Assert.All(audited, e => Assert.Contains(e.Sequence.ToString(CultureInfo.InvariantCulture), sequences));
            Assert.All(audited, e => Assert.Equal(firm.PracticeId, e.PracticeId));
        }

        Assert.Contains(events, e => e.RecordType == nameof(Review) && e.Action == "Changed" && e.After!.Contains("ChangesRequested", StringComparison.Ordinal));
        Assert.Contains(events, e => e.RecordType == nameof(ReviewChecklistItem) && e.After!.Contains("Both formed in Texas.", StringComparison.Ordinal));
        Assert.Contains("Audited?", body, StringComparison.Ordinal);
        await AssertAuditChainIntactAsync(firm.Workspace.Id);
    }

    [Fact]
    public async Task OpenApi_DescribesTheReviewEndpoints()
    {
        var document = await ReadObjectAsync(await Anonymous().GetAsync("/openapi/v1.json"));
        var paths = document["paths"]!.AsObject();

        foreach (var (path, method) in new[]
        {
            ("/api/v1/practices/{id}/agreements/{key}/reviews", "post"),
            ("/api/v1/reviews", "get"),
            ("/api/v1/reviews/{id}", "get"),
            ("/api/v1/reviews/{id}/checklist/{code}", "put"),
            ("/api/v1/reviews/{id}/comments", "post"),
            ("/api/v1/reviews/{id}/comments/{commentId}", "put"),
            ("/api/v1/reviews/{id}/comments/{commentId}/resolve", "post"),
            ("/api/v1/reviews/{id}/comments/{commentId}/reopen", "post"),
            ("/api/v1/reviews/{id}/version", "post"),
            ("/api/v1/reviews/{id}/decision", "post"),
            ("/api/v1/reviews/{id}/withdraw", "post"),
        })
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method} {path} is not described");
            Assert.False(string.IsNullOrEmpty(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            Assert.True(path == "/api/v1/reviews" || operation["responses"]!["404"] is not null, $"{method} {path} does not say it answers 404");
        }

        Assert.NotNull(paths["/api/v1/reviews/{id}/decision"]!["post"]!["responses"]!["409"]);
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Owner)]
    public async Task Withdraw_ByAMemberWhoEditsPractices_Is200WithTheReason_TheAgreementIsADraftAgain_AndCanBeSentForReviewAgain(MemberRole role)
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await AssessAllAsync(firm, id);

        var response = await firm.As(role).PostAsJsonAsync(WithdrawPath(id), new { reason = "The wrong attorney was asked." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var withdrawn = await ReadObjectAsync(response);
        Assert.Equal("Withdrawn", withdrawn["status"]!.GetValue<string>());
        Assert.Null(withdrawn["decision"]);
        Assert.Equal(("The wrong attorney was asked.", role == MemberRole.Owner ? "owner" : "consultant"), (
            withdrawn["withdrawal"]!["reason"]!.GetValue<string>(), withdrawn["withdrawal"]!["withdrawnBy"]!.GetValue<string>()));

        // What the attorney assessed stays on the withdrawn review, and their decision now comes too late.
        Assert.All(withdrawn["checklist"]!.AsArray(), i => Assert.Equal("Pass", i!["assessment"]!.GetValue<string>()));
        var late = await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "Approve" });
        Assert.Contains("already withdrawn by", (await ProblemAsync(late, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Draft", await AgreementStatusAsync(firm));
        Assert.DoesNotContain(
            (await firm.Attorney.GetFromJsonAsync<JsonArray>("/api/v1/reviews"))!, q => q!["id"]!.GetValue<Guid>() == id);

        var again = await firm.Consultant.PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = "other.attorney@x.test" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("InReview", await AgreementStatusAsync(firm));
        await AssertAuditChainIntactAsync(firm.Workspace.Id);
    }

    [Theory]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public async Task Withdraw_ByARoleThatDoesNotEditPractices_TheAssignedAttorneyIncluded_Is403AndWritesNothing(MemberRole role)
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        var response = await firm.As(role).PostAsJsonAsync(WithdrawPath(id), new { reason = "Not mine to ask." });

        await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowsAsync());
        Assert.Equal("InReview", await AgreementStatusAsync(firm));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Withdraw_WithoutAReason_Is400NamingReason_AndOfADecidedReviewIs409_WritingNothing(string? reason)
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var before = await RowsAsync();

        Assert.Equal(["reason"], await ErrorPathsAsync(await firm.Consultant.PostAsJsonAsync(WithdrawPath(id), new { reason })));
        Assert.Equal(before, await RowsAsync());

        await DecideOkAsync(firm, id, "RequestChanges", "Reserve clinical staffing to the PC.");
        var decided = await RowsAsync();
        var late = await firm.Consultant.PostAsJsonAsync(WithdrawPath(id), new { reason = "Too late." });
        Assert.Contains("already sent back with changes requested by attorney", (await ProblemAsync(late, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(decided, await RowsAsync());
        Assert.Equal("ChangesRequested", await AgreementStatusAsync(firm));
    }

    // ---- Many writers at the same moment, on PostgreSQL ----

    [Fact]
    public async Task WithdrawalsAndDecisionsAtTheSameMoment_ExactlyOneCloseTheReview_TheOthersAre409_AndTheAgreementFollowsIt()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await AssessAllAsync(firm, id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0
            ? firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "RequestChanges", reason = $"Change {i}." })
            : (i % 4 == 1 ? firm.Consultant : firm.Owner).PostAsJsonAsync(WithdrawPath(id), new { reason = $"Withdrawn {i}." }))));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r != winner))
        {
            Assert.Contains("already", (await ProblemAsync(refused, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var status = (await ReadObjectAsync(winner))["status"]!.GetValue<string>();
        Assert.Equal(status == "Withdrawn" ? "Draft" : "ChangesRequested", await AgreementStatusAsync(firm));
        Assert.Equal(status, (await ReviewAsync(firm.Owner, id))["status"]!.GetValue<string>());
        await AssertAuditChainIntactAsync(firm.Workspace.Id);
    }

    [Fact]
    public async Task EightSimultaneousDecisions_OneIs200_EveryOtherIs409SayingWhoDecided_AndTheAgreementFollowsTheWinner()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await AssessAllAsync(firm, id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => firm.Attorney.PostAsJsonAsync(
            DecisionPath(id), i % 2 == 0 ? new { decision = "Approve", reason = (string?)null } : new { decision = "RequestChanges", reason = (string?)$"Change {i}." }))));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r != winner))
        {
            var detail = (await ProblemAsync(refused, HttpStatusCode.Conflict))["detail"]!.GetValue<string>();
            Assert.Contains("already", detail, StringComparison.Ordinal);
            Assert.Contains("by attorney", detail, StringComparison.Ordinal);
        }

        var decided = await ReadObjectAsync(winner);
        var status = decided["status"]!.GetValue<string>();
        Assert.Equal(status, (await ReviewAsync(firm.Owner, id))["status"]!.GetValue<string>());
        Assert.Equal(status, await AgreementStatusAsync(firm));
        Assert.Equal(decided["decision"]!["decision"]!.GetValue<string>() == "Approve" ? "Approved" : "ChangesRequested", status);

        // One decision was written: the review changed once.
        await using (var db = Db())
        {
            Assert.Single(await db.AuditEvents.IgnoreQueryFilters().Where(e => e.RecordType == nameof(Review) && e.Action == Domain.Auditing.AuditAction.Changed).ToListAsync());
        }

        await AssertAuditChainIntactAsync(firm.Workspace.Id);
    }

    [Fact]
    public async Task TwentySimultaneousComments_BySeveralMembers_AreAllSavedAndListed()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var writers = new[] { firm.Owner, firm.Consultant, firm.Attorney, firm.Client };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            writers[i % writers.Length].PostAsJsonAsync(CommentsPath(id), new { section = "General", text = $"Comment {i}" }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await ReadObjectAsync(r))["id"]!.GetValue<Guid>()));
        var comments = (await ReviewAsync(firm.Viewer, id))["comments"]!.AsArray();
        Assert.Equal(ids.Order(), comments.Select(c => c!["id"]!.GetValue<Guid>()).Order());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Comment {i}").Order(StringComparer.Ordinal), comments.Select(c => c!["text"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        await AssertAuditChainIntactAsync(firm.Workspace.Id);
    }

    [Fact]
    public async Task ACommentDoesNotMoveThePracticesETag_SoAPutWithTheETagReadBeforeItSucceeds()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var get = await firm.Consultant.GetAsync(PracticePath(firm.PracticeId));
        var document = await ReadObjectAsync(get);

        Assert.Equal(HttpStatusCode.Created, (await firm.Client.PostAsJsonAsync(CommentsPath(id), new { section = "Fee", text = "Before the stake edit." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Pass" })).StatusCode);

        Assert.Equal(get.Headers.ETag!.Tag, await ETagAsync(firm.Consultant, firm.PracticeId));
        document["ownership"]![0]!["from"] = "2025-01-11";
        var put = await PutAsync(firm.Consultant, firm.PracticeId, document, get.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task ACommentAndADecisionAtTheMomentOfAStakePut_AllCommitOrThePutIsA409_AndNothingIsLost()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        await AssessAllAsync(firm, id);
        var get = await firm.Consultant.GetAsync(PracticePath(firm.PracticeId));
        var document = await ReadObjectAsync(get);
        document["ownership"]![0]!["from"] = "2025-01-11";

        var answers = await Task.WhenAll(
            Task.Run(() => firm.Client.PostAsJsonAsync(CommentsPath(id), new { section = "Parties", text = "At the same moment." })),
            Task.Run(() => firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision = "Approve" })),
            Task.Run(() => PutAsync(firm.Consultant, firm.PracticeId, document, get.Headers.ETag!.Tag)));
        var (comment, decision, put) = (answers[0], answers[1], answers[2]);

        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var stored = await ReadObjectAsync(await firm.Consultant.GetAsync(PracticePath(firm.PracticeId)));
        Assert.Equal("Approved", stored["agreements"]![0]!["status"]!.GetValue<string>());
        if (put.StatusCode == HttpStatusCode.OK)
        {
            // The stake edit committed before the decision (which then read it): both stand.
            Assert.Equal("2025-01-11", stored["ownership"]![0]!["from"]!.GetValue<string>());
        }
        else
        {
            // The decision committed first and moved the agreement the document still has in review: the stale document is refused whole.
            await ProblemAsync(put, HttpStatusCode.Conflict);
            Assert.Equal("2025-01-10", stored["ownership"]![0]!["from"]!.GetValue<string>());
        }

        Assert.Single((await ReviewAsync(firm.Owner, id))["comments"]!.AsArray());
        await AssertAuditChainIntactAsync(firm.Workspace.Id);
    }

    [Fact]
    public async Task APutWithTheETagReadBeforeADecision_Is409_NotARefusedStatusStep()
    {
        var firm = await FirmAsync();
        var id = await RequestOkAsync(firm);
        var get = await firm.Consultant.GetAsync(PracticePath(firm.PracticeId));
        var document = await ReadObjectAsync(get);
        await DecideOkAsync(firm, id, "RequestChanges", "Reserve clinical staffing to the PC.");
        document["ownership"]![0]!["from"] = "2025-01-11";
        var before = await RowsAsync();

        var put = await PutAsync(firm.Consultant, firm.PracticeId, document, get.Headers.ETag!.Tag);

        await ProblemAsync(put, HttpStatusCode.Conflict);
        Assert.Equal(before, await RowsAsync());
        Assert.Equal("ChangesRequested", await AgreementStatusAsync(firm));
    }

    [Fact]
    public async Task TwoSimultaneousRequestsOnOneAgreement_OneIs201_TheOtherIs409()
    {
        var firm = await FirmAsync();

        var responses = await Task.WhenAll(new[] { firm.Consultant, firm.Owner }.Select(client => Task.Run(() =>
            client.PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = AttorneyEmail, dueOn = DueOn }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created);
        Assert.Contains("already has an open review", (await ProblemAsync(refused, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await using (var db = Db())
        {
            Assert.Single(await db.Reviews.IgnoreQueryFilters().ToListAsync());
        }

        Assert.Equal("InReview", await AgreementStatusAsync(firm));
        await AssertAuditChainIntactAsync(firm.Workspace.Id);
    }

    // ---- Arrangement ----

    /// <summary>
    /// A workspace "Firm" with a practice imported from <paramref name="example"/> (its MSA a draft, unless
    /// <paramref name="status"/>) and a second practice, and a client for each member: the Owner; a Consultant,
    /// the Attorney asked, a Client and a Viewer with the practice in scope; another Attorney who sees every
    /// practice; and an Attorney whose scope is the other practice only.
    /// </summary>
    private async Task<Firm> FirmAsync(string example = "example-clean-tx", string status = "Draft")
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        var ownerClient = await ClientForAsync(owner);
        var document = Example(example);
        document["name"] = "Glow Aesthetics";
        document["agreements"]![0]!["status"] = status;
        var practiceId = await ImportOkAsync(ownerClient, workspace.Id, document);
        var other = Example("example-clean-tx");
        other["name"] = "Other Practice";
        var otherId = await ImportOkAsync(ownerClient, workspace.Id, other);
        await CreateUserAsync("stranger@x.test");
        var inScope = PracticeScope.Listed([practiceId]);
        (string Email, MemberRole Role, PracticeScope Scope)[] members =
        [
            ("consultant@x.test", MemberRole.Consultant, inScope),
            (AttorneyEmail, MemberRole.Attorney, inScope),
            ("other.attorney@x.test", MemberRole.Attorney, PracticeScope.AllPractices),
            ("scoped.attorney@x.test", MemberRole.Attorney, PracticeScope.Listed([otherId])),
            ("client@x.test", MemberRole.Client, inScope),
            ("viewer@x.test", MemberRole.Viewer, inScope),
        ];

        // The accounts (password hashing) side by side; each membership is a change of the workspace, one after another.
        var users = await Task.WhenAll(members.Select(m => CreateUserAsync(m.Email)));
        var clients = new List<HttpClient>();
        foreach (var (user, member) in users.Zip(members))
        {
            await AddMemberAsync(workspace, user, member.Role, member.Scope);
            clients.Add(await ClientForAsync(user));
        }

        return new Firm(workspace, practiceId, otherId, ownerClient, clients[0], clients[1], clients[2], clients[3], clients[4], clients[5]);
    }

    private sealed record Firm(
        Workspace Workspace, Guid PracticeId, Guid OtherPracticeId, HttpClient Owner, HttpClient Consultant, HttpClient Attorney, HttpClient OtherAttorney,
        HttpClient ScopedAttorney, HttpClient Client, HttpClient Viewer)
    {
        public HttpClient As(MemberRole role) => role switch
        {
            MemberRole.Owner => Owner,
            MemberRole.Consultant => Consultant,
            MemberRole.Attorney => Attorney,
            MemberRole.Client => Client,
            MemberRole.Viewer => Viewer,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PracticePath(Guid practiceId) => $"/api/v1/practices/{practiceId}";

    private static string RequestPath(Guid practiceId, string key = "msa") => $"/api/v1/practices/{practiceId}/agreements/{key}/reviews";

    private static string ReviewPath(Guid id) => $"/api/v1/reviews/{id}";

    private static string ChecklistPath(Guid id, string code) => $"{ReviewPath(id)}/checklist/{code}";

    private static string CommentsPath(Guid id) => $"{ReviewPath(id)}/comments";

    private static string CommentPath(Guid id, Guid commentId) => $"{CommentsPath(id)}/{commentId}";

    private static string VersionPath(Guid id) => $"{ReviewPath(id)}/version";

    private static string DecisionPath(Guid id) => $"{ReviewPath(id)}/decision";

    private static string WithdrawPath(Guid id) => $"{ReviewPath(id)}/withdraw";

    /// <summary>Each review endpoint once, with a valid body, for <paramref name="id"/> (and its comment, and the practice for a request).</summary>
    private static IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)> EveryEndpoint(Guid id, Guid commentId, Guid practiceId) =>
    [
        ("request", c => c.PostAsJsonAsync(RequestPath(practiceId), new { attorneyEmail = AttorneyEmail })),
        ("get", c => c.GetAsync(ReviewPath(id))),
        ("assess", c => c.PutAsJsonAsync(ChecklistPath(id, "PARTIES"), new { assessment = "Pass" })),
        ("comment", c => c.PostAsJsonAsync(CommentsPath(id), new { section = "Fee", text = "Hello." })),
        ("edit comment", c => c.PutAsJsonAsync(CommentPath(id, commentId), new { text = "Edited." })),
        ("resolve", c => c.PostAsync($"{CommentPath(id, commentId)}/resolve", null)),
        ("reopen", c => c.PostAsync($"{CommentPath(id, commentId)}/reopen", null)),
        ("version", c => c.PostAsJsonAsync(VersionPath(id), new { version = 1 })),
        ("decide", c => c.PostAsJsonAsync(DecisionPath(id), new { decision = "RequestChanges", reason = "No." })),
        ("withdraw", c => c.PostAsJsonAsync(WithdrawPath(id), new { reason = "No longer needed." })),
    ];

    private static async Task<Guid> RequestOkAsync(Firm firm)
    {
        var response = await firm.Consultant.PostAsJsonAsync(RequestPath(firm.PracticeId), new { attorneyEmail = AttorneyEmail, dueOn = DueOn });
        return (await ReadObjectAsync(response))["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> CommentOkAsync(HttpClient client, Guid id, object comment)
    {
        var response = await client.PostAsJsonAsync(CommentsPath(id), comment);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ReadObjectAsync(response))["id"]!.GetValue<Guid>();
    }

    private static async Task AssessAllAsync(Firm firm, Guid id)
    {
        foreach (var code in ReviewChecklist.Codes)
        {
            Assert.Equal(HttpStatusCode.OK, (await firm.Attorney.PutAsJsonAsync(ChecklistPath(id, code), new { assessment = "Pass" })).StatusCode);
        }
    }

    private static async Task DecideOkAsync(Firm firm, Guid id, string decision, string? reason) =>
        await ReadObjectAsync(await firm.Attorney.PostAsJsonAsync(DecisionPath(id), new { decision, reason }));

    private static async Task<JsonObject> ReviewAsync(HttpClient client, Guid id) => await ReadObjectAsync(await client.GetAsync(ReviewPath(id)));

    private static async Task<string> AgreementStatusAsync(Firm firm) =>
        (await ReadObjectAsync(await firm.Owner.GetAsync(PracticePath(firm.PracticeId))))["agreements"]![0]!["status"]!.GetValue<string>();

    /// <summary>Each item's suggestion: Concern with exactly the findings of <paramref name="concerns"/> ("CODE:FINDING/key,..."), none for CONTROL_AGREEMENTS, Pass otherwise.</summary>
    private static void AssertSuggestions(string[] concerns, JsonObject review)
    {
        var expected = concerns.Select(c => c.Split(':')).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
        foreach (var item in review["checklist"]!.AsArray())
        {
            var code = item!["code"]!.GetValue<string>();
            var suggestion = item["suggestion"];
            if (code == "CONTROL_AGREEMENTS")
            {
                Assert.Null(suggestion);
                continue;
            }

            var findings = string.Join(",", suggestion!["findings"]!.AsArray().Select(f => $"{f!["code"]}/{f["subjectKey"]}").Order(StringComparer.Ordinal));
            Assert.Equal(
                (code, expected.TryGetValue(code, out var fired) ? "Concern" : "Pass", fired ?? ""),
                (code, suggestion["assessment"]!.GetValue<string>(), findings));
        }
    }

    // ---- The database, for "nothing written" and the audit trail ----

    /// <summary>The practice rows and audit events of <see cref="ApiTestApp.RowCountsAsync"/>, and the review rows: "nothing written" is these unchanged.</summary>
    private async Task<string> RowsAsync()
    {
        await using var db = Db();
        return string.Join(",",
            await RowCountsAsync(),
            await db.Reviews.IgnoreQueryFilters().CountAsync(),
            await db.Set<ReviewChecklistItem>().IgnoreQueryFilters().CountAsync(a => a.Assessment != Assessment.Unassessed),
            await db.ReviewComments.IgnoreQueryFilters().CountAsync(),
            await db.Reviews.IgnoreQueryFilters().CountAsync(r => r.Status == ReviewStatus.Open));
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var db = Db();
        return await db.AuditEvents.IgnoreQueryFilters().MaxAsync(e => e.Sequence);
    }

    private async Task<List<(long Sequence, string RecordType, string Action, Guid? PracticeId, string? After)>> EventsSinceAsync(Guid workspaceId, long sequence)
    {
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        var events = await db.AuditEvents.Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync();
        return [.. events.Select(e => (e.Sequence, e.RecordType, e.Action.ToString(), e.PracticeId, e.After))];
    }
}
