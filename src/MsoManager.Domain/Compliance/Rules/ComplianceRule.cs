using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// What every rule shares: its identity for the catalog and the ways a finding names its subject
/// (an entity, a stake, an MSA, a state, a person at an entity), with the state row's sources where
/// the finding comes from state data.
/// </summary>
internal abstract class ComplianceRule(string code, Severity defaultSeverity, string title) : IComplianceRule
{
    public string Code { get; } = code;

    public Severity DefaultSeverity { get; } = defaultSeverity;

    public string Title { get; } = title;

    public abstract IEnumerable<Finding> Evaluate(ComplianceContext context);

    protected Finding AboutEntity(LegalEntity entity, string message, string recommendation, StateRule? row = null, Severity? severity = null) =>
        Create(SubjectType.Entity, entity.Key, entity.Id, message, recommendation, row, severity);

    protected Finding AboutStake(OwnershipStake stake, string message, string recommendation, StateRule? row = null) =>
        Create(SubjectType.Stake, stake.Key, stake.Id, message, recommendation, row, null);

    protected Finding AboutAgreement(Agreement agreement, string message, string recommendation, StateRule? row = null, Severity? severity = null) =>
        Create(SubjectType.Agreement, agreement.Key, agreement.Id, message, recommendation, row, severity);

    protected Finding AboutState(StateRule row, string message, string recommendation, Severity? severity = null) =>
        Create(SubjectType.State, row.State.Value, null, message, recommendation, row, severity);

    /// <summary>A person in a role at an entity: keyed <c>person/entity</c>, linking to the person.</summary>
    protected Finding AboutPersonAt(Person person, LegalEntity entity, string message, string recommendation, StateRule? row = null) =>
        Create(SubjectType.PersonAtEntity, $"{person.Key}/{entity.Key}", person.Id, message, recommendation, row, null);

    private Finding Create(SubjectType type, string key, Guid? recordId, string message, string recommendation, StateRule? row, Severity? severity) =>
        new(Code, severity ?? DefaultSeverity, type, key, recordId, message, recommendation, row?.State, row?.Sources);
}
