namespace MsoManager.Domain.Common;

/// <summary>
/// The member's role (or membership) does not allow the operation; nothing was changed. Thrown by
/// the session's role check and by the aggregate where a rule depends on who asks (an agreement's
/// review decisions belong to an attorney).
/// </summary>
public sealed class NotPermittedException(string message) : Exception(message);
