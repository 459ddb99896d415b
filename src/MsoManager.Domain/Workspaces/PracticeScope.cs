namespace MsoManager.Domain.Workspaces;

/// <summary>Which practices of the workspace a member sees: all of them, or the listed ones.</summary>
public sealed record PracticeScope
{
    private PracticeScope(bool allPractices, IReadOnlyList<Guid> practiceIds)
    {
        IncludesAllPractices = allPractices;
        PracticeIds = practiceIds;
    }

    public static PracticeScope AllPractices { get; } = new(true, []);

    public bool IncludesAllPractices { get; }

    /// <summary>The listed practices when <see cref="IncludesAllPractices"/> is false; empty otherwise.</summary>
    public IReadOnlyList<Guid> PracticeIds { get; }

    public static PracticeScope Listed(IEnumerable<Guid> practiceIds) => new(false, [.. practiceIds.Distinct()]);

    public bool Includes(Guid practiceId) => IncludesAllPractices || PracticeIds.Contains(practiceId);

    public bool Equals(PracticeScope? other) =>
        other is not null && IncludesAllPractices == other.IncludesAllPractices && PracticeIds.SequenceEqual(other.PracticeIds);

    public override int GetHashCode() => HashCode.Combine(IncludesAllPractices, PracticeIds.Count);
}
