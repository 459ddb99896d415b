namespace MsoManager.Web.Features.Workspaces;

/// <summary>Someone else saved the record first; nothing was overwritten. The message says what changed.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>What was to be added is there already (a member added twice); nothing was changed.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);
