using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Web.Features.Reviews;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Components.Shared;

/// <summary>Turns the exceptions a feature service throws for a refused operation into the sentence a user sees.</summary>
public static class ProblemMessages
{
    /// <summary>Whether <paramref name="exception"/> is a refusal the user can act on (as opposed to a bug).</summary>
    public static bool TryDescribe(Exception exception, out string message)
    {
        message = exception switch
        {
            ValidationException validation => string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)),
            DomainRuleException rule => rule.Message,
            NotPermittedException denied => denied.Message,
            ConcurrencyConflictException conflict => conflict.Message,
            AlreadyExistsException exists => exists.Message,
            ConflictException conflict => conflict.Message,
            ReviewNotFoundException missing => missing.Message,
            _ => "",
        };
        return message.Length > 0;
    }
}
