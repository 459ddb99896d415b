namespace MsoManager.Domain.Common;

/// <summary>
/// A step refused because the record moved on since the caller looked (a review already decided, an
/// agreement changed since the version read): the API answers 409 and the page says what happened.
/// </summary>
public sealed class ConflictException(string message) : Exception(message);
