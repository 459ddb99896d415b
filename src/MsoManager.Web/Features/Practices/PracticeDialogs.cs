using MudBlazor;

namespace MsoManager.Web.Features.Practices;

/// <summary>Opens <see cref="FormDialog{TForm}"/> for a form and its fields, the same way in every section.</summary>
public static class PracticeDialogs
{
    public static async Task<bool> EditAsync<TForm>(
        this IDialogService dialogs, string title, TForm model, Microsoft.AspNetCore.Components.RenderFragment<TForm> fields, Func<TForm, Task<ChangeOutcome>> save, string saveText = "Save",
        MaxWidth maxWidth = MaxWidth.Small)
        where TForm : class
    {
        var parameters = new DialogParameters<FormDialog<TForm>>
        {
            { d => d.Model, model },
            { d => d.Fields, fields },
            { d => d.Save, save },
            { d => d.SaveText, saveText },
        };
        var dialog = await dialogs.ShowAsync<FormDialog<TForm>>(title, parameters, new DialogOptions { MaxWidth = maxWidth, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false };
    }
}
