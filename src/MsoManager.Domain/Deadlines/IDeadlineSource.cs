using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines;

/// <summary>One kind of the catalog: the deadlines of that kind a practice has in a window.</summary>
internal interface IDeadlineSource
{
    string Kind { get; }

    /// <summary>The deadlines of this kind dated in <paramref name="window"/>, in any order.</summary>
    IEnumerable<Deadline> Find(Practice practice, DeadlineWindow window);
}
