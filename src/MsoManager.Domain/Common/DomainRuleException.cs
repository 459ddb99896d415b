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

    /// <summary>For an operation on a list at once, the position of the item at fault; null otherwise.</summary>
    public int? Index { get; init; }

    /// <summary>Runs <paramref name="check"/> for the item at <paramref name="index"/> of a list, naming that item in what it refuses.</summary>
    public static void AtIndex(int index, Action check)
    {
        try
        {
            check();
        }
        catch (DomainRuleException e) when (e.Index is null)
        {
            throw new DomainRuleException(e.Field, e.Message) { Index = index };
        }
    }

    /// <summary>Throws naming <paramref name="field"/> when <paramref name="message"/> (a <c>Validate…</c> result) is not null.</summary>
    public static void ThrowIf(string field, string? message)
    {
        if (message is not null)
        {
            throw new DomainRuleException(field, message);
        }
    }
}
