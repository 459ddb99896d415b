using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class MembersTests(PostgresFixture postgres) : TestApp(postgres)
{
    [Fact]
    public async Task AddOrInvite_ExistingAccount_AddsMemberWithRoleAndScope()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("add");
        var colleague = await CreateUserAsync("colleague.add@x.test");
        await using var signedIn = await SignInAsync(owner);
        var members = signedIn.Get<MembersService>();
        var page = await members.ListAsync(0, 25);

        var result = await members.AddOrInviteAsync(new AddMemberForm { Email = "Colleague.Add@x.test", Role = MemberRole.Attorney }, page.WorkspaceVersion);

        Assert.True(result.Added);
        var listed = (await members.ListAsync(0, 25)).Items.Single(m => m.UserId == colleague.Id);
        Assert.Equal(MemberRole.Attorney, listed.Role);
        Assert.True(listed.Scope.IncludesAllPractices);
    }

    [Fact]
    public async Task AddOrInvite_UnknownEmail_CreatesInvitationThatMakesAnAccountAndMember()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("invite", "Kilo Spa", "Lima Spa");
        await using var signedIn = await SignInAsync(owner);
        var members = signedIn.Get<MembersService>();
        var kilo = (await members.SearchPracticesAsync("kilo")).Single();

        var result = await members.AddOrInviteAsync(
            new AddMemberForm { Email = "newcomer@x.test", Role = MemberRole.Client, AllPractices = false, Practices = [kilo] },
            (await members.ListAsync(0, 25)).WorkspaceVersion);

        Assert.False(result.Added);
        var token = result.Invitation!.Token;
        Assert.Single(await members.ListOpenInvitationsAsync());
        await using var invitee = Host.Services.CreateAsyncScope();
        var acceptance = invitee.ServiceProvider.GetRequiredService<InvitationAcceptance>();
        var view = await acceptance.FindAsync(token);
        Assert.Equal(("newcomer@x.test", MemberRole.Client, true, false), (view!.Email, view.Role, view.IsOpen, view.AccountExists));

        var (user, errors) = await acceptance.AcceptAsNewAccountAsync(token, "New Comer", "a fine long passphrase");

        Assert.Empty(errors);
        var member = (await members.ListAsync(0, 25)).Items.Single(m => m.UserId == user!.Id);
        Assert.Equal(MemberRole.Client, member.Role);
        Assert.Equal([kilo.Id], member.Scope.PracticeIds);
        Assert.Empty(await members.ListOpenInvitationsAsync());
        Assert.False((await acceptance.FindAsync(token))!.IsOpen);
    }

    [Fact]
    public async Task AcceptInvitation_WithUnknownToken_FindsNothing()
    {
        await using var scope = Host.Services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>().FindAsync("not-a-token"));
    }

    [Fact]
    public async Task AddOrInvite_BadEmail_IsRefusedNamingTheFieldAndWritesNothing()
    {
        var (owner, _) = await OwnedWorkspaceAsync("bad");
        await using var signedIn = await SignInAsync(owner);
        var members = signedIn.Get<MembersService>();
        var version = (await members.ListAsync(0, 25)).WorkspaceVersion;

        var error = await Assert.ThrowsAsync<ValidationException>(() => members.AddOrInviteAsync(new AddMemberForm { Email = "not an email" }, version));

        Assert.Contains(error.Errors, e => e.PropertyName == nameof(AddMemberForm.Email));
        Assert.Empty(await members.ListOpenInvitationsAsync());
        Assert.Equal(1, (await members.ListAsync(0, 25)).TotalCount);
    }

    [Fact]
    public async Task ChangeScope_ToAPracticeOfAnotherWorkspace_IsRefusedNamingItsPlace()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("scope", "Mine Spa");
        var (otherOwner, _) = await OwnedWorkspaceAsync("elsewhere", "Their Spa");
        await AddMemberAsync(workspace, await CreateUserAsync("scoped@x.test"), MemberRole.Client);
        PracticeChoice theirs;
        await using (var other = await SignInAsync(otherOwner))
        {
            theirs = (await other.Get<MembersService>().SearchPracticesAsync("their")).Single();
        }

        await using var signedIn = await SignInAsync(owner);
        var members = signedIn.Get<MembersService>();
        var page = await members.ListAsync(0, 25);
        var mine = (await members.SearchPracticesAsync("mine")).Single();
        var client = page.Items.Single(m => m.Email == "scoped@x.test");

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            members.ChangeScopeAsync(client.MemberId, new ScopeForm { AllPractices = false, Practices = [mine, theirs] }, page.WorkspaceVersion));

        Assert.Equal(["Practices[1]"], error.Errors.Select(e => e.PropertyName));
        Assert.True((await members.ListAsync(0, 25)).Items.Single(m => m.Email == "scoped@x.test").Scope.IncludesAllPractices);
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public async Task ManageMembers_AsNonOwner_IsNotPermitted(MemberRole role)
    {
        var (owner, workspace) = await OwnedWorkspaceAsync($"role{role}");
        var other = await CreateUserAsync($"{role}.nonowner@x.test");
        await AddMemberAsync(workspace, other, role);
        await using var signedIn = await SignInAsync(other);
        var members = signedIn.Get<MembersService>();

        await Assert.ThrowsAsync<NotPermittedException>(() => members.ListAsync(0, 25));
        await Assert.ThrowsAsync<NotPermittedException>(() => members.AddOrInviteAsync(new AddMemberForm { Email = "someone@x.test" }, 0));
        Assert.False(signedIn.Session.Can(Permission.ManageWorkspace));
    }

    [Fact]
    public async Task ChangeRole_OfLastOwner_IsRefused()
    {
        var (owner, _) = await OwnedWorkspaceAsync("last");
        await using var signedIn = await SignInAsync(owner);
        var members = signedIn.Get<MembersService>();
        var page = await members.ListAsync(0, 25);

        await Assert.ThrowsAsync<DomainRuleException>(() => members.ChangeRoleAsync(page.Items.Single().MemberId, MemberRole.Viewer, page.WorkspaceVersion));
        await Assert.ThrowsAsync<DomainRuleException>(() => members.RemoveAsync(page.Items.Single().MemberId, page.WorkspaceVersion));
        Assert.Equal(MemberRole.Owner, (await members.ListAsync(0, 25)).Items.Single().Role);
    }

    [Fact]
    public async Task ChangeRole_FromAStalePage_IsRefusedAndOverwritesNothing()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("stale");
        var secondOwner = await CreateUserAsync("second.owner@x.test");
        var consultant = await CreateUserAsync("consultant.stale@x.test");
        await AddMemberAsync(workspace, secondOwner, MemberRole.Owner);
        await AddMemberAsync(workspace, consultant, MemberRole.Consultant);
        await using var first = await SignInAsync(owner);
        await using var second = await SignInAsync(secondOwner);
        var firstPage = await first.Get<MembersService>().ListAsync(0, 25);
        var secondPage = await second.Get<MembersService>().ListAsync(0, 25);
        var target = firstPage.Items.Single(m => m.UserId == consultant.Id).MemberId;

        await first.Get<MembersService>().ChangeRoleAsync(target, MemberRole.Attorney, firstPage.WorkspaceVersion);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            second.Get<MembersService>().ChangeRoleAsync(target, MemberRole.Viewer, secondPage.WorkspaceVersion));
        Assert.Equal(MemberRole.Attorney, (await first.Get<MembersService>().ListAsync(0, 25)).Items.Single(m => m.MemberId == target).Role);
    }

    [Fact]
    public async Task Remove_TakesEffectOnTheRemovedMembersOpenSessionAtOnce()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("remove");
        var leaver = await CreateUserAsync("leaver@x.test");
        await AddMemberAsync(workspace, leaver, MemberRole.Consultant);
        await using var leaverIn = await SignInAsync(leaver);
        await leaverIn.Session.EnsureAllowedAsync(Permission.EditPractices);
        await using var ownerIn = await SignInAsync(owner);
        var page = await ownerIn.Get<MembersService>().ListAsync(0, 25);

        await ownerIn.Get<MembersService>().RemoveAsync(page.Items.Single(m => m.UserId == leaver.Id).MemberId, page.WorkspaceVersion);

        await Assert.ThrowsAsync<NotPermittedException>(() => leaverIn.Session.EnsureAllowedAsync(Permission.ViewPractices));
    }

    [Fact]
    public async Task Deactivate_AccountOnlyInThisWorkspace_StopsItSigningIn()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("deactivate");
        var staff = await CreateUserAsync("staff@x.test");
        await AddMemberAsync(workspace, staff, MemberRole.Viewer);
        await using var ownerIn = await SignInAsync(owner);
        var members = ownerIn.Get<MembersService>();
        var memberId = (await members.ListAsync(0, 25)).Items.Single(m => m.UserId == staff.Id).MemberId;

        await members.SetDeactivatedAsync(memberId, true);

        var users = ownerIn.Get<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(staff.Id))!;
        Assert.True(stored.IsDeactivated);
        Assert.NotEqual(staff.SecurityStamp, stored.SecurityStamp);
        Assert.False(await ownerIn.Get<SignInManager<ApplicationUser>>().CanSignInAsync(stored));
    }

    [Fact]
    public async Task Deactivate_AccountThatBelongsToAnotherWorkspaceToo_IsRefused()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("shared");
        var shared = await CreateUserAsync("shared.member@x.test");
        await AddMemberAsync(workspace, shared, MemberRole.Consultant);
        await CreateWorkspaceAsync("Their own", shared);
        await using var ownerIn = await SignInAsync(owner);
        var members = ownerIn.Get<MembersService>();
        var memberId = (await members.ListAsync(0, 25)).Items.Single(m => m.UserId == shared.Id).MemberId;

        await Assert.ThrowsAsync<NotPermittedException>(() => members.SetDeactivatedAsync(memberId, true));
    }

    [Fact]
    public async Task CreateWorkspace_MakesTheUserItsOwnerAndSwitchesToIt()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("create");
        await using var signedIn = await SignInAsync(owner);

        await signedIn.Session.CreateWorkspaceAsync("  Second venture  ");

        Assert.Equal("Second venture", signedIn.Session.Current!.WorkspaceName);
        Assert.Equal(MemberRole.Owner, signedIn.Session.Current.Role);
        Assert.Equal(2, signedIn.Session.Memberships.Count);
        await using var db = signedIn.Get<TenantDbContextFactory>().CreateDbContext();
        Assert.Equal("Second venture", (await db.Workspaces.SingleAsync()).Name);
    }
}
