using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines.Sources;

/// <summary>
/// ANNUAL_REPORT_DUE: a Filed or Active entity with an annual report month and day owes its report on
/// every occurrence of them in the window; 29 February is 28 February in other years.
/// </summary>
internal sealed class AnnualReportDueSource : IDeadlineSource
{
    public string Kind => DeadlineKinds.AnnualReportDue;

    public IEnumerable<Deadline> Find(Practice practice, DeadlineWindow window)
    {
        foreach (var entity in practice.Entities)
        {
            if (entity.Status is not (EntityStatus.Filed or EntityStatus.Active) || entity.AnnualReportDueMonth is not { } month || entity.AnnualReportDueDay is not { } day)
            {
                continue;
            }

            for (var year = window.From.Year; year <= window.To.Year; year++)
            {
                var due = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
                if (window.Contains(due))
                {
                    yield return new Deadline(Kind, due, DeadlineSubject.LegalEntity, entity.Key, entity.Id,
                        $"{entity.LegalName}: annual report due in {entity.StateOfFormation}");
                }
            }
        }
    }
}
