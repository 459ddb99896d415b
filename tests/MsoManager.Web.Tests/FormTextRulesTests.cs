using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Web.Components.Account;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.StateRules;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Tests;

/// <summary>The forms refuse control characters with the domain's one message, at the field, as the API and the entities do.</summary>
public sealed class FormTextRulesTests
{
    public static TheoryData<string> Fields => new()
    {
        "practice name", "practice notes", "person name", "person email", "person phone", "license number",
        "workspace name", "your name", "state rule reason", "setup task title",
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Validate_FieldWithNul_IsRefusedAtThatField(string field)
    {
        var (validator, model, property, label) = Form(field, "Glow\0Aesthetics");

        var result = validator.Validate(new ValidationContext<object>(model));

        Assert.Contains(result.Errors, e => e.PropertyName == property && e.ErrorMessage == Text.ControlCharactersMessage(label));
    }

    [Fact]
    public void Validate_PracticeNotesWithLineBreaksAndTabs_IsAccepted()
    {
        var result = new PracticeFormValidator().Validate(new PracticeForm { Name = "Glow", PrimaryState = "TX", Notes = "One\r\n\ttwo" });

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
    }

    private static (IValidator Validator, object Model, string Property, string Label) Form(string field, string text) => field switch
    {
        "practice name" => (new PracticeFormValidator(), new PracticeForm { Name = text, PrimaryState = "TX" }, nameof(PracticeForm.Name), "Name"),
        "practice notes" => (new PracticeFormValidator(), new PracticeForm { Name = "Glow", PrimaryState = "TX", Notes = text }, nameof(PracticeForm.Notes), "Notes"),
        "person name" => (new PersonFormValidator(), new PersonForm { Name = text }, nameof(PersonForm.Name), "Name"),
        "person email" => (new PersonFormValidator(), new PersonForm { Name = "Dana", Email = "dana\0@example.com" }, nameof(PersonForm.Email), "Email"),
        "person phone" => (new PersonFormValidator(), new PersonForm { Name = "Dana", Phone = text }, nameof(PersonForm.Phone), "Phone"),
        "license number" => (new LicenseFormValidator(), new LicenseForm { State = "TX", Number = text }, nameof(LicenseForm.Number), "License number"),
        "workspace name" => (new NewWorkspaceFormValidator(), new NewWorkspaceForm { Name = text }, nameof(NewWorkspaceForm.Name), "Name"),
        "your name" => (new AcceptInvitationFormValidator(), new AcceptInvitationForm { DisplayName = text }, nameof(AcceptInvitationForm.DisplayName), "Your name"),
        "state rule reason" => (new StateRuleCorrectionFormValidator(), new StateRuleCorrectionForm { Reason = text }, nameof(StateRuleCorrectionForm.Reason), "Reason"),
        _ => (new SetupTaskFormValidator(), new SetupTaskForm { Title = text }, nameof(SetupTaskForm.Title), "Title"),
    };
}
