namespace MsoManager.Web.Features.Workspaces;

/// <summary>Someone else saved the record first; nothing was overwritten. The message says what changed.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
