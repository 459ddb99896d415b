namespace MsoManager.Domain.Common;

/// <summary>
/// Thrown when a change would break an invariant of the domain. <see cref="Field"/> names the
/// input at fault (a form field or a JSON path) so the UI and the API can put the message next to it.
/// </summary>
/// <remarks>
/// Each rule's words live once, in the domain: a <c>Validate…</c> method returns the rule's message, or
/// null when the value keeps it. The domain throws with that message (<see cref="ThrowIf"/>); the forms'
/// validators and the API validator call the same method, so all three say the same thing.
/// </remarks>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>Throws naming <paramref name="field"/> when <paramref name="message"/> (a <c>Validate…</c> result) is not null.</summary>
    public static void ThrowIf(string field, string? message)
    {
        if (message is not null)
        {
            throw new DomainRuleException(field, message);
        }
    }
}
