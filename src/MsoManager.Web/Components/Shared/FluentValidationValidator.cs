using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace MsoManager.Web.Components.Shared;

/// <summary>
/// Runs the model's FluentValidation validator inside a plain <see cref="EditForm"/> (the statically
/// rendered account pages, where MudForm cannot run), putting each message next to its field.
/// </summary>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidationValidator)} must be inside an EditForm.");
        }

        if (ReferenceEquals(EditContext, _subscribed))
        {
            return;
        }

        Unsubscribe();
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += ValidateModel;
        _subscribed = EditContext;
    }

    public void Dispose() => Unsubscribe();

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        var context = (EditContext)sender!;
        var validatorType = typeof(IValidator<>).MakeGenericType(context.Model.GetType());
        var validator = (IValidator)Services.GetRequiredService(validatorType);
        var result = validator.Validate(new ValidationContext<object>(context.Model));

        _messages!.Clear();
        foreach (var error in result.Errors)
        {
            _messages.Add(context.Field(error.PropertyName), error.ErrorMessage);
        }

        context.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= ValidateModel;
            _subscribed = null;
        }
    }
}
