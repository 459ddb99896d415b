namespace MsoManager.Domain.Common;

/// <summary>
/// A record computed from others (never edited by anyone), rewritten whenever its inputs change.
/// The audit trail leaves it out: the changes it reflects are already audited where they were made.
/// </summary>
public interface IDerivedRecord;
