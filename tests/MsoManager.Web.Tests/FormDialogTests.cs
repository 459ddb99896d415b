using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Tests;

/// <summary>
/// The one form dialog: quiet until a field is left or the form is saved, and then saying what the
/// domain says, word for word, without saving.
/// </summary>
public sealed class FormDialogTests : ComponentTest
{
    private int _saves;

    [Fact]
    public void NewDialog_BeforeAnythingIsTyped_ShowsNoErrors()
    {
        var dialogs = Open(LocationForm.New(StateCode.From("FL")), Fields<LocationForm, LocationFields>());

        Assert.Empty(dialogs.FindAll(".mud-input-error"));
    }

    [Fact]
    public void FieldLeftEmpty_ShowsTheDomainsMessageAtThatFieldOnly()
    {
        var dialogs = Open(LocationForm.New(StateCode.From("FL")), Fields<LocationForm, LocationFields>());

        dialogs.Find("#location-street").Blur();

        dialogs.WaitForAssertion(() => Assert.Equal([Text.ValidateName("", "Street")!], FieldErrors(dialogs)));
    }

    [Fact]
    public void Save_RequiredFieldsEmpty_ShowsTheDomainsMessagesAndSavesNothing()
    {
        var dialogs = Open(LocationForm.New(StateCode.From("FL")), Fields<LocationForm, LocationFields>());

        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["Street is required.", "City is required.", Location.ZipMessage], FieldErrors(dialogs)));
        Assert.Equal(Text.ValidateName(null, "Street"), FieldErrors(dialogs)[0]);
        Assert.Equal(0, _saves);
    }

    [Fact]
    public void Save_PhoneAbc_ShowsTheDomainsPhoneMessageAndSavesNothing()
    {
        var dialogs = SavePerson(phone: "abc");

        dialogs.WaitForAssertion(() => Assert.Equal([Person.PhoneMessage], FieldErrors(dialogs)));
        Assert.Equal(0, _saves);
    }

    [Fact]
    public void Save_AnnualReportMonth13_IsRefusedAsTypedNotMovedTo12()
    {
        var (dialogs, form) = SaveEntityWithAnnualReport("13", "1");

        dialogs.WaitForAssertion(() => Assert.Equal([LegalEntity.ValidateAnnualReportDueMonth(13, 1)!], FieldErrors(dialogs)));
        Assert.Equal(13, form.AnnualReportDueMonth);
        Assert.Equal(0, _saves);
    }

    [Fact]
    public void Save_ThirtiethOfFebruary_ShowsTheDomainsDayMessage()
    {
        var (dialogs, _) = SaveEntityWithAnnualReport("2", "30");

        dialogs.WaitForAssertion(() => Assert.Equal(["Annual report day must be from 1 to 29 in February."], FieldErrors(dialogs)));
        Assert.Equal(LegalEntity.ValidateAnnualReportDueDay(2, 30), FieldErrors(dialogs)[0]);
        Assert.Equal(0, _saves);
    }

    [Fact]
    public void Save_ValidForm_SavesOnce()
    {
        var dialogs = SavePerson(phone: "+1 (305) 555-0100 x12");

        dialogs.WaitForAssertion(() => Assert.Equal(1, _saves));
        Assert.Empty(FieldErrors(dialogs));
    }

    [Fact]
    public void Save_RefusedByTheDomainAtAFieldOfTheForm_ShowsTheRefusalAtThatFieldUntilItChanges()
    {
        var dialogs = Open(LocationForm.New(StateCode.From("FL")), Fields<LocationForm, LocationFields>(), new ChangeOutcome(false, "City", "No clinic may open in Atlantis."));
        dialogs.Find("#location-street").Change("1 Ocean Dr");
        dialogs.Find("#location-city").Change("Atlantis");
        dialogs.Find("#location-zip").Change("33139");

        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["No clinic may open in Atlantis."], FieldErrors(dialogs)));
        Assert.Contains("No clinic may open in Atlantis.", dialogs.Find("#location-city").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("#form-error"));

        dialogs.Find("#location-city").Change("Miami");

        dialogs.WaitForAssertion(() => Assert.Empty(FieldErrors(dialogs)));
    }

    [Fact]
    public void Save_RefusedByTheDomainAtNoFieldOfTheForm_SaysSoNextToTheFields()
    {
        var dialogs = Open(LocationForm.New(StateCode.From("FL")), Fields<LocationForm, LocationFields>(), new ChangeOutcome(false, "Locations", "A practice has at most 50 locations."));
        dialogs.Find("#location-street").Change("1 Ocean Dr");
        dialogs.Find("#location-city").Change("Miami");
        dialogs.Find("#location-zip").Change("33139");

        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("A practice has at most 50 locations.", dialogs.Find("#form-error").TextContent.Trim()));
        Assert.Empty(FieldErrors(dialogs));
    }

    /// <summary>A new person, Sam Ortiz, with <paramref name="phone"/> as typed, saved.</summary>
    private IRenderedComponent<MudDialogProvider> SavePerson(string phone)
    {
        var dialogs = Open(new PersonForm(), Fields<PersonForm, PersonFields>());
        dialogs.Find("#person-name").Change("Sam Ortiz");
        dialogs.Find("#person-phone").Change(phone);
        dialogs.Find("#form-save").Click();
        return dialogs;
    }

    /// <summary>A new professional entity with the annual report due on <paramref name="month"/>/<paramref name="day"/> as typed, saved.</summary>
    private (IRenderedComponent<MudDialogProvider> Dialogs, LegalEntityForm Form) SaveEntityWithAnnualReport(string month, string day)
    {
        var form = LegalEntityForm.New(EntityKind.ProfessionalEntity, StateCode.From("FL"));
        var dialogs = Open(form, Fields<LegalEntityForm, LegalEntityFields>());
        dialogs.Find("#entity-legal-name").Change("Glow Medical PLLC");
        dialogs.Find("#entity-annual-report-month").Change(month);
        dialogs.Find("#entity-annual-report-day").Change(day);
        dialogs.Find("#form-save").Click();
        return (dialogs, form);
    }

    private static List<string> FieldErrors(IRenderedComponent<MudDialogProvider> dialogs) =>
        [.. dialogs.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())];

    /// <summary>The fields component <typeparamref name="TFields"/> for a form, as the sections pass it to the dialog.</summary>
    private static RenderFragment<TForm> Fields<TForm, TFields>()
        where TFields : IComponent => form => builder =>
        {
            builder.OpenComponent<TFields>(0);
            builder.AddAttribute(1, "Model", form);
            builder.CloseComponent();
        };

    /// <summary>Opens the form dialog as the sections do (<see cref="PracticeDialogs.EditAsync"/>), counting saves, each answered with <paramref name="outcome"/> (done by default).</summary>
    private IRenderedComponent<MudDialogProvider> Open<TForm>(TForm form, RenderFragment<TForm> fields, ChangeOutcome? outcome = null)
        where TForm : class
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        _ = dialogs.InvokeAsync(() => service.EditAsync("Edit", form, fields, _ =>
        {
            _saves++;
            return Task.FromResult(outcome ?? ChangeOutcome.Done);
        }));
        dialogs.WaitForElement("#form-save");
        return dialogs;
    }
}
