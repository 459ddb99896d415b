namespace MsoManager.Domain.Common;

/// <summary>
/// Thrown when a change would break an invariant of the domain. <see cref="Field"/> names the
/// input at fault (a form field or a JSON path) so the UI and the API can put the message next to it.
/// </summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
