using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines.Sources;

/// <summary>SETUP_TASK_DUE: a setup task still to do (Todo or InProgress) with a due date is due on it.</summary>
internal sealed class SetupTaskDueSource : IDeadlineSource
{
    public string Kind => DeadlineKinds.SetupTaskDue;

    public IEnumerable<Deadline> Find(Practice practice, DeadlineWindow window) =>
        from task in practice.SetupTasks
        where task.Status is SetupTaskStatus.Todo or SetupTaskStatus.InProgress && task.DueOn is { } due && window.Contains(due)
        select new Deadline(Kind, task.DueOn!.Value, DeadlineSubject.SetupTask, task.Key, task.Id, $"Setup task due: {task.Title}");
}
