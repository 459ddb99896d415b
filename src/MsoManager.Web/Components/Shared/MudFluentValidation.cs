using FluentValidation;

namespace MsoManager.Web.Components.Shared;

/// <summary>Binds a FluentValidation validator to a MudForm's <c>Validation</c> parameter, one field at a time.</summary>
public static class MudFluentValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
