using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Tests;

public sealed class PeopleSectionTests : ComponentTest
{
    /// <summary>"Today" for every test here, so expiry countdowns do not depend on the day the tests run.</summary>
    private static readonly DateOnly Today = new(2030, 3, 15);

    public PeopleSectionTests() =>
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));

    [Fact]
    public async Task PeopleSection_ForViewer_ListsPeopleWithoutEditButtons()
    {
        var owner = await AddUserAsync("Olga");
        var viewer = await AddUserAsync("Vic");
        var practiceId = await AddPracticeWithPersonAsync(owner, (viewer, MemberRole.Viewer),
            (p, dana) => p.AddLicense(dana.Id, null, new LicenseDetails(LicenseType.MD, StateCode.From("FL"), "ME12345", LicenseStatus.Active)));
        await SignInAsync(viewer);

        var (page, _) = RenderPractice(practiceId, "people");

        page.WaitForAssertion(() => Assert.Contains("Dana Reyes", page.Find(".person").TextContent, StringComparison.Ordinal));
        Assert.Contains("ME12345", page.Find(".licenses-table").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#add-person"));
        Assert.Empty(page.FindAll("[aria-label^='Add a license']"));
        Assert.Empty(page.FindAll("[aria-label^='Add a role']"));
        Assert.Empty(page.FindAll("[aria-label^='Edit']"));
        Assert.Empty(page.FindAll("[aria-label^='Remove']"));
    }

    [Fact]
    public async Task AddPerson_AsOwner_SavesAndListsThePerson()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null);
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "people");

        page.WaitForElement("#add-person").Click();
        dialogs.WaitForElement("#person-name").Change("Sam Ortiz, NP");
        dialogs.Find("#person-email").Change("sam@x.test");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".person").Count));
        Assert.Contains("Sam Ortiz, NP", page.Markup, StringComparison.Ordinal);
        var saved = await LoadPracticeAsync(practiceId);
        Assert.Equal("sam@x.test", saved.People.Single(p => p.Name == "Sam Ortiz, NP").Email);
    }

    [Fact]
    public async Task AddPerson_BadEmail_ShowsTheMessageAndSavesNothing()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null);
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "people");

        page.WaitForElement("#add-person").Click();
        dialogs.WaitForElement("#person-name").Change("Sam Ortiz");
        dialogs.Find("#person-email").Change("not-an-email");
        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Email must be a valid email address.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Single((await LoadPracticeAsync(practiceId)).People);
    }

    [Fact]
    public async Task AddLicense_ExpiryBeforeIssue_ShowsTheMessageAndSavesNothing()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null);
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "people");

        page.WaitForElement("[aria-label='Add a license for Dana Reyes']").Click();
        dialogs.WaitForElement("#license-number").Change("ME12345");
        dialogs.Find("#license-issued-on").Change("2029-06-01");
        dialogs.Find("#license-expires-on").Change("2029-05-31");
        dialogs.Find("#form-save").Click();

        // At the field, from the form's validator, before the domain is ever asked.
        dialogs.WaitForAssertion(() => Assert.Contains("Expires on must not be before issued on.", FieldErrors(dialogs)));
        Assert.Empty(dialogs.FindAll("#form-error"));
        Assert.Empty((await LoadPracticeAsync(practiceId)).People.Single().Licenses);
    }

    [Fact]
    public async Task AddLicense_Valid_SavesItAndShowsItInForce()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null);
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "people");

        page.WaitForElement("[aria-label='Add a license for Dana Reyes']").Click();
        dialogs.WaitForElement("#license-number").Change("ME12345");
        dialogs.Find("#license-issued-on").Change("2029-06-01");
        dialogs.Find("#license-expires-on").Change("2032-01-31");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Contains("ME12345", page.Find(".licenses-table").TextContent, StringComparison.Ordinal));
        Assert.Equal("In force today", page.Find(".license-standing").TextContent.Trim());
        var license = (await LoadPracticeAsync(practiceId)).People.Single().Licenses.Single();
        Assert.Equal((LicenseType.MD, "FL", new DateOnly(2029, 6, 1), new DateOnly(2032, 1, 31)), (license.Type, license.State.Value, license.IssuedOn!.Value, license.ExpiresOn!.Value));
    }

    [Theory]
    [InlineData(30, LicenseStatus.Active, "Expires in 30 days")]
    [InlineData(90, LicenseStatus.Active, "Expires in 90 days")]
    [InlineData(91, LicenseStatus.Active, "In force today")]
    [InlineData(0, LicenseStatus.Active, "Expires today")]
    [InlineData(-1, LicenseStatus.Active, "Not in force: expired")]
    [InlineData(300, LicenseStatus.Suspended, "Not in force: suspended")]
    public async Task LicenseStanding_ByExpiryAndStatus_SaysWhetherItIsInForceAndWhenItExpires(int daysToExpiry, LicenseStatus status, string expected)
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null,
            (p, dana) => p.AddLicense(dana.Id, null, new LicenseDetails(LicenseType.MD, StateCode.From("FL"), "ME12345", status, new DateOnly(2020, 1, 1), Today.AddDays(daysToExpiry))));
        await SignInAsync(owner);

        var (page, _) = RenderPractice(practiceId, "people");

        page.WaitForAssertion(() => Assert.Equal(expected, page.Find(".license-standing").TextContent.Trim()));
    }

    [Fact]
    public async Task AddRole_ToBeforeFrom_ShowsTheMessageAndSavesNothing()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null, (p, _) => AddProfessionalEntity(p));
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "people");

        page.WaitForElement("[aria-label='Add a role for Dana Reyes']").Click();
        dialogs.WaitForElement("#role-from").Change("2029-06-01");
        dialogs.Find("#role-to").Change("2029-06-01");
        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("To must be after From.", FieldErrors(dialogs)));
        Assert.Empty(dialogs.FindAll("#form-error"));
        Assert.Empty((await LoadPracticeAsync(practiceId)).People.Single().Roles);
    }

    [Fact]
    public async Task AddRole_AtTheOnlyEntity_SavesAndListsItWithTheEntityName()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null, (p, _) => AddProfessionalEntity(p));
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "people");

        page.WaitForElement("[aria-label='Add a role for Dana Reyes']").Click();
        dialogs.WaitForElement("#role-from").Change("2029-06-01");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Glow Medical PLLC", page.Find(".roles-table").TextContent, StringComparison.Ordinal));
        var role = (await LoadPracticeAsync(practiceId)).People.Single().Roles.Single();
        Assert.Equal((EntityRoleKind.Officer, new DateOnly(2029, 6, 1), (DateOnly?)null), (role.Kind, role.From!.Value, role.To));
    }

    [Fact]
    public async Task AddRole_WithoutEntities_IsDisabled()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null);
        await SignInAsync(owner);

        var (page, _) = RenderPractice(practiceId, "people");

        page.WaitForAssertion(() => Assert.True(page.Find("[aria-label='Add a role for Dana Reyes']").HasAttribute("disabled")));
    }

    [Fact]
    public async Task RemovePerson_Confirmed_RemovesThemWithTheirLicensesAndRoles()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null, (p, dana) =>
        {
            AddProfessionalEntity(p);
            p.AddLicense(dana.Id, null, new LicenseDetails(LicenseType.MD, StateCode.From("FL"), "ME12345", LicenseStatus.Active));
            p.AddRole(dana.Id, null, new EntityRoleDetails(p.Entities.Single().Id, EntityRoleKind.MedicalDirector));
        });
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "people");

        page.WaitForElement("[aria-label='Remove Dana Reyes']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Remove Dana Reyes, with their licenses and roles", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".person")));
        Assert.Empty((await LoadPracticeAsync(practiceId)).People);
        await using var db = Contexts.CreateWithoutWorkspace();
        Assert.Empty(await db.Set<License>().IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await db.Set<EntityRole>().IgnoreQueryFilters().ToListAsync());
    }

    [Fact]
    public async Task LocationsSection_BadZip_ShowsTheMessageAndSavesNothing()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null);
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "locations");

        page.WaitForElement("#add-location").Click();
        dialogs.WaitForElement("#location-street").Change("1 Ocean Drive");
        dialogs.Find("#location-city").Change("Miami");
        dialogs.Find("#location-zip").Change("3313");
        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(Location.ZipMessage, FieldErrors(dialogs)));
        Assert.Empty((await LoadPracticeAsync(practiceId)).Locations);
    }

    [Fact]
    public async Task LocationsSection_ValidAddress_SavesAndListsIt()
    {
        var owner = await AddUserAsync("Olga");
        var practiceId = await AddPracticeWithPersonAsync(owner, null);
        await SignInAsync(owner);
        var (page, dialogs) = RenderPractice(practiceId, "locations");

        page.WaitForElement("#add-location").Click();
        dialogs.WaitForElement("#location-street").Change("1 Ocean Drive");
        dialogs.Find("#location-city").Change("Miami");
        dialogs.Find("#location-zip").Change("33139-1234");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Contains("33139-1234", page.Find("#locations-table").TextContent, StringComparison.Ordinal));
        var location = (await LoadPracticeAsync(practiceId)).Locations.Single();
        Assert.Equal(("1 Ocean Drive", "Miami", "FL", "33139-1234"), (location.Street, location.City, location.State.Value, location.Zip));
    }

    [Fact]
    public async Task LocationsSection_ForViewer_HasNoEditButtons()
    {
        var owner = await AddUserAsync("Olga");
        var viewer = await AddUserAsync("Vic");
        var practiceId = await AddPracticeWithPersonAsync(owner, (viewer, MemberRole.Viewer),
            (p, _) => p.AddLocation(null, new LocationDetails("1 Ocean Drive", "Miami", StateCode.From("FL"), "33139")));
        await SignInAsync(viewer);

        var (page, _) = RenderPractice(practiceId, "locations");

        page.WaitForAssertion(() => Assert.Contains("1 Ocean Drive", page.Find("#locations-table").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#add-location"));
        Assert.Empty(page.FindAll("[aria-label^='Edit']"));
        Assert.Empty(page.FindAll("[aria-label^='Remove']"));
    }

    private static List<string> FieldErrors(IRenderedComponent<MudDialogProvider> dialogs) =>
        [.. dialogs.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())];

    private static void AddProfessionalEntity(Practice practice) =>
        practice.AddEntity(null, EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("FL"), EntityStatus.Active));

    /// <summary>
    /// A workspace owned by <paramref name="owner"/> (with <paramref name="member"/> in it, if given) holding one
    /// Florida practice with one person, Dana Reyes, built through the aggregate like the app builds it.
    /// </summary>
    private async Task<Guid> AddPracticeWithPersonAsync(ApplicationUser owner, (ApplicationUser User, MemberRole Role)? member, Action<Practice, Person>? build = null)
    {
        var (workspace, _) = member is { } m
            ? await AddWorkspaceAsync("Firm", owner, [], (m.User, m.Role, false))
            : await AddWorkspaceAsync("Firm", owner, []);
        var practice = Practice.Create(workspace.Id, "Glow Spa", StateCode.From("FL"), PracticeStatus.Operating, null, DateTimeOffset.UtcNow);
        var person = practice.AddPerson(null, new PersonDetails("Dana Reyes", "dana@x.test", "305-555-0100"));
        build?.Invoke(practice, person);
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return practice.Id;
    }

    private async Task<Practice> LoadPracticeAsync(Guid practiceId)
    {
        await using var db = Contexts.CreateWithoutWorkspace();
        return await db.Practices.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Include(p => p.Locations)
            .Include(p => p.People).ThenInclude(p => p.Licenses)
            .Include(p => p.People).ThenInclude(p => p.Roles)
            .SingleAsync(p => p.Id == practiceId);
    }

    /// <summary>Opens the practice page on a section, with the providers MainLayout renders for dialogs and popovers.</summary>
    private (IRenderedComponent<PracticeView> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderPractice(Guid practiceId, string section)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"practices/{practiceId}?section={section}");
        return (Render<PracticeView>(p => p.Add(v => v.Id, practiceId)), dialogs);
    }
}
