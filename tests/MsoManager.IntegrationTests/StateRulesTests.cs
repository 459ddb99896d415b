using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.StateRules;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.IntegrationTests;

/// <summary>
/// The state rules in the database: loaded at start, refreshed when the shipped file changes without
/// touching corrections, corrected per workspace by an Owner only, audited, and in force in the
/// compliance engine's rule source for that workspace alone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StateRulesTests(PostgresFixture postgres) : TestApp(postgres)
{
    private static readonly StateCode Texas = StateCode.From("TX");

    [Fact]
    public async Task Start_LoadsEveryShippedRowWithTheFileHash()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();

        var rows = await db.ShippedStateRules.AsNoTracking().ToListAsync();

        Assert.Equal(51, rows.Count);
        Assert.All(rows, r => Assert.Equal(StateRulesCsv.Hash(StateRulesCsv.ShippedText()), r.FileHash));
        var california = rows.Single(r => r.Code == "CA").Rule;
        Assert.Equal((CpomStrength.Strict, 51m), (california.Cpom, california.PhysicianMinPercent));
        Assert.Contains(Domain.Practices.LicenseType.NP, california.PcOwnerLicenses);
        Assert.NotEmpty(california.Sources);
        Assert.False(await scope.ServiceProvider.GetRequiredService<ShippedStateRules>().RefreshAsync(StateRulesCsv.ShippedText()));
    }

    [Fact]
    public async Task Refresh_WithANewerFile_UpdatesShippedValues_AndKeepsCorrections()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("refresh");
        await using (var signedIn = await SignInAsync(owner))
        {
            await CorrectTexasCpomAsync(signedIn, CpomStrength.Moderate);
        }

        // A newer app version ships a file where Texas's fee-splitting stance and Alaska's CPOM changed.
        var newer = StateRulesCsv.ShippedText()
            .Replace("\nTX,Texas,strict,high,md_do_only,MD;DO,,medium,PA;PLLC,high,restricted,low,", "\nTX,Texas,strict,high,md_do_only,MD;DO,,medium,PA;PLLC,high,prohibited,medium,", StringComparison.Ordinal)
            .Replace("\nAK,Alaska,none,medium,", "\nAK,Alaska,weak,high,", StringComparison.Ordinal);
        Assert.NotEqual(StateRulesCsv.ShippedText(), newer);
        await using var scope = Host.Services.CreateAsyncScope();
        var shipped = scope.ServiceProvider.GetRequiredService<ShippedStateRules>();

        Assert.True(await shipped.RefreshAsync(newer));
        Assert.False(await shipped.RefreshAsync(newer));

        var book = await scope.ServiceProvider.GetRequiredService<IStateRuleSource>().GetBookAsync(workspace.Id);
        var texas = book.For(Texas);
        Assert.Equal((CpomStrength.Moderate, FeeSplittingStance.Prohibited, Confidence.Medium), (texas.Cpom, texas.FeeSplitting, texas.FeeSplittingConfidence));
        Assert.Equal((CpomStrength.Weak, Confidence.High), (book.For(StateCode.From("AK")).Cpom, book.For(StateCode.From("AK")).CpomConfidence));
        var shippedTexas = (await shipped.GetAsync()).Book.For(Texas);
        Assert.Equal((CpomStrength.Strict, FeeSplittingStance.Prohibited), (shippedTexas.Cpom, shippedTexas.FeeSplitting));
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        Assert.Equal(StateRulesCsv.Hash(newer), (await db.ShippedStateRules.FirstAsync()).FileHash);
        Assert.Equal("Counsel's memo", (await db.StateRuleCorrections.SingleAsync()).Reason);
    }

    [Fact]
    public async Task Refresh_WithAFileThatDoesNotParse_WritesNothing()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var shipped = scope.ServiceProvider.GetRequiredService<ShippedStateRules>();
        var broken = StateRulesCsv.ShippedText().Replace("\nAK,Alaska,none,", "\nAK,Alaska,sometimes,", StringComparison.Ordinal);

        await Assert.ThrowsAsync<FormatException>(() => shipped.RefreshAsync(broken));

        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        Assert.All(await db.ShippedStateRules.ToListAsync(), r => Assert.Equal(StateRulesCsv.Hash(StateRulesCsv.ShippedText()), r.FileHash));
    }

    [Fact]
    public async Task CorrectChangeAndRevert_AreAuditedWithBeforeAndAfter()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("audit");
        await using var signedIn = await SignInAsync(owner);
        var service = signedIn.Get<StateRulesService>();

        await CorrectTexasCpomAsync(signedIn, CpomStrength.Moderate);
        var corrected = Row(await service.ListAsync(), Texas);
        var form = StateRuleCorrectionForm.From(corrected.InForce, "Second opinion");
        form.Cpom = CpomStrength.Weak;
        await service.CorrectAsync(Texas, corrected.Correction!.Version, form);
        await service.RevertAsync(Texas, Row(await service.ListAsync(), Texas).Correction!.Version);

        await using var db = signedIn.Get<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var events = await db.AuditEvents.Where(e => e.RecordType == nameof(StateRuleCorrection)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Changed, AuditAction.Deleted], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(owner.Email, e.UserName));
        Assert.Contains("\"Cpom\":\"Moderate\"", events[0].After, StringComparison.Ordinal);
        Assert.Contains("\"Reason\":\"Counsel\\u0027s memo\"", events[0].After, StringComparison.Ordinal);
        Assert.Contains("\"State\":\"TX\"", events[0].After, StringComparison.Ordinal);
        Assert.Contains("\"Cpom\":\"Moderate\"", events[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"Cpom\":\"Weak\"", events[1].After, StringComparison.Ordinal);
        Assert.Contains("\"Reason\":\"Second opinion\"", events[1].After, StringComparison.Ordinal);
        Assert.Contains("\"Cpom\":\"Weak\"", events[2].Before, StringComparison.Ordinal);
        Assert.Null(events[2].After);
        Assert.Empty(await db.StateRuleCorrections.ToListAsync());
        Assert.True((await AuditTrail.VerifyAsync(db)).IsIntact);
        Assert.Equal(CpomStrength.Strict, (await signedIn.Get<IStateRuleSource>().GetBookAsync(workspace.Id)).For(Texas).Cpom);
    }

    [Fact]
    public async Task Correction_IsInForceOnlyInItsWorkspace()
    {
        var (alice, a) = await OwnedWorkspaceAsync("alice");
        var (bob, b) = await OwnedWorkspaceAsync("bob");
        await using (var signedIn = await SignInAsync(alice))
        {
            await CorrectTexasCpomAsync(signedIn, CpomStrength.Weak);
        }

        await using var scope = Host.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IStateRuleSource>();
        Assert.Equal(CpomStrength.Weak, (await source.GetBookAsync(a.Id)).For(Texas).Cpom);
        Assert.Equal(CpomStrength.Strict, (await source.GetBookAsync(b.Id)).For(Texas).Cpom);
        // Everything but the corrected field stays as shipped.
        Assert.Equal((await source.GetBookAsync(b.Id)).For(Texas) with { Cpom = CpomStrength.Weak }, (await source.GetBookAsync(a.Id)).For(Texas));

        await using var bobs = await SignInAsync(bob);
        var bobsView = await bobs.Get<StateRulesService>().ListAsync();
        Assert.Equal(51, bobsView.Rows.Count);
        Assert.DoesNotContain(bobsView.Rows, r => r.IsCorrected);
        await using var alices = await SignInAsync(alice);
        var texas = Row(await alices.Get<StateRulesService>().ListAsync(), Texas);
        Assert.Equal((CpomStrength.Strict, CpomStrength.Weak), (texas.Shipped.Cpom, texas.InForce.Cpom));
        Assert.Equal((alice.DisplayName, "Counsel's memo"), (texas.Correction!.CorrectedBy, texas.Correction.Reason));
    }

    [Fact]
    public async Task Correction_ChangesTheWorkspacesFindings_AndItsStoredRisk()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("risk");
        await using var signedIn = await SignInAsync(owner);
        var practiceId = await signedIn.Get<PracticeStore>().CreateAsync("Lone Star Aesthetics", Texas, Domain.Practices.PracticeStatus.Planning, null);
        var compliance = signedIn.Get<ComplianceService>();
        Assert.DoesNotContain((await compliance.EvaluateAsync(practiceId))!.Findings, f => f.Code == "STATE_RULES_UNVERIFIED");

        var service = signedIn.Get<StateRulesService>();
        var form = StateRuleCorrectionForm.From(Row(await service.ListAsync(), Texas).InForce, "Counsel doubts the sources");
        form.CpomConfidence = Confidence.Low;
        await service.CorrectAsync(Texas, null, form);

        var finding = Assert.Single((await compliance.EvaluateAsync(practiceId))!.Findings);
        Assert.Equal(("STATE_RULES_UNVERIFIED", "TX"), (finding.Code, finding.SubjectKey));
        // The stored risk was evaluated today before the correction; the correction marked it stale for the refresh.
        await signedIn.Get<PracticeRiskRefresher>().RefreshStaleAsync();
        await using var db = signedIn.Get<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        Assert.Equal(1, (await db.PracticeRisks.SingleAsync(r => r.PracticeId == practiceId)).Info);
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Viewer)]
    public async Task NonOwner_SeesTheRules_ButIsRefusedACorrection(MemberRole role)
    {
        var (_, workspace) = await OwnedWorkspaceAsync($"refused-{role}");
        var member = await CreateUserAsync($"{role}.refused@x.test");
        await AddMemberAsync(workspace, member, role);
        await using var signedIn = await SignInAsync(member);
        var service = signedIn.Get<StateRulesService>();

        var view = await service.ListAsync();
        var form = StateRuleCorrectionForm.From(Row(view, Texas).InForce, "I think so");
        form.Cpom = CpomStrength.None;

        Assert.False(view.CanCorrect);
        await Assert.ThrowsAsync<NotPermittedException>(() => service.CorrectAsync(Texas, null, form));
        await using var db = signedIn.Get<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        Assert.Empty(await db.StateRuleCorrections.ToListAsync());
    }

    [Fact]
    public async Task Correct_WithoutReasonOrLicenses_IsRefusedNamingTheField_AndWritesNothing()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("invalid");
        await using var signedIn = await SignInAsync(owner);
        var service = signedIn.Get<StateRulesService>();
        var form = StateRuleCorrectionForm.From(Row(await service.ListAsync(), Texas).InForce, "  ");
        form.PcOwnerLicenses = [];

        var error = await Assert.ThrowsAsync<ValidationException>(() => service.CorrectAsync(Texas, null, form));

        Assert.Contains(error.Errors, e => e.PropertyName == nameof(StateRuleCorrectionForm.Reason) && e.ErrorMessage.StartsWith("Reason is required", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.PropertyName == nameof(StateRuleCorrectionForm.PcOwnerLicenses) && e.ErrorMessage.Contains("License types", StringComparison.Ordinal));
        await using var db = signedIn.Get<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        Assert.Empty(await db.StateRuleCorrections.ToListAsync());
    }

    [Fact]
    public async Task Correct_WithNothingDifferent_IsRefused()
    {
        var (owner, _) = await OwnedWorkspaceAsync("same");
        await using var signedIn = await SignInAsync(owner);
        var service = signedIn.Get<StateRulesService>();
        var form = StateRuleCorrectionForm.From(Row(await service.ListAsync(), Texas).Shipped, "Same as shipped");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => service.CorrectAsync(Texas, null, form));

        Assert.Contains("Nothing differs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_AfterAnotherOwnerCorrectedTheSameState_IsRefusedAsAConflict()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("conflict");
        var other = await CreateUserAsync("other.owner.conflict@x.test");
        await AddMemberAsync(workspace, other, MemberRole.Owner);
        await using var first = await SignInAsync(owner);
        await using var second = await SignInAsync(other);
        var stale = Row(await second.Get<StateRulesService>().ListAsync(), Texas);

        await CorrectTexasCpomAsync(first, CpomStrength.Moderate);
        var form = StateRuleCorrectionForm.From(stale.InForce, "My own reading");
        form.Cpom = CpomStrength.Weak;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.Get<StateRulesService>().CorrectAsync(Texas, stale.Correction?.Version, form));
        Assert.Equal(CpomStrength.Moderate, Row(await second.Get<StateRulesService>().ListAsync(), Texas).InForce.Cpom);
    }

    private static StateRuleRow Row(StateRulesView view, StateCode state) => view.Rows.Single(r => r.Shipped.State == state);

    private static async Task CorrectTexasCpomAsync(SignedIn signedIn, CpomStrength cpom)
    {
        var service = signedIn.Get<StateRulesService>();
        var form = StateRuleCorrectionForm.From(Row(await service.ListAsync(), Texas).InForce, "Counsel's memo");
        form.Cpom = cpom;
        await service.CorrectAsync(Texas, null, form);
    }
}
