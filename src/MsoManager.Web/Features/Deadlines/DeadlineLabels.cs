using MsoManager.Domain.Deadlines;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Reviews;

namespace MsoManager.Web.Features.Deadlines;

/// <summary>How deadlines read in the app: kinds in words, when in days, and where each one's record is.</summary>
public static class DeadlineLabels
{
    public static string KindOf(string kind) => kind switch
    {
        DeadlineKinds.LicenseExpires => "License expires",
        DeadlineKinds.MsaTermEnds => "MSA term ends",
        DeadlineKinds.MsaNoticeDeadline => "Last day to give notice",
        DeadlineKinds.FmvOpinionRefresh => "FMV opinion ages out",
        DeadlineKinds.AnnualReportDue => "Annual report due",
        DeadlineKinds.SetupTaskDue => "Setup task due",
        _ => kind,
    };

    /// <summary>"Today", "In 12 days", "Overdue by 3 days" (a kind that stays open) or "3 days ago".</summary>
    public static string When(Deadline deadline, DateOnly today)
    {
        var days = deadline.Date.DayNumber - today.DayNumber;
        return days == 0 ? "Today"
            : days > 0 ? (days == 1 ? "Tomorrow" : $"In {days} days")
            : ReviewLabels.Overdue(deadline.Date, deadline.IsOverdue(today), today) ?? (days == -1 ? "Yesterday" : $"{-days} days ago");
    }

    /// <summary>The practice page's address that shows the deadline's record (a license's holder, the agreement, the entity, the task list).</summary>
    public static string RecordLink(Practice practice, Deadline deadline) => deadline.SubjectType switch
    {
        DeadlineSubject.License => practice.People.FirstOrDefault(p => p.Licenses.Any(l => l.Id == deadline.RecordId)) is { } holder
            ? PracticeLinks.Record(practice.Id, "people", holder.Id)
            : PracticeLinks.Practice(practice.Id, "people"),
        DeadlineSubject.Agreement => PracticeLinks.Record(practice.Id, "agreements", deadline.RecordId),
        DeadlineSubject.LegalEntity => PracticeLinks.Record(practice.Id, "entities", deadline.RecordId),
        DeadlineSubject.SetupTask => PracticeLinks.Practice(practice.Id, "tasks"),
        _ => PracticeLinks.Practice(practice.Id),
    };

    /// <summary>What closes the deadline, as the link to its record says it: "Renew the license", "Record the new FMV opinion", ...</summary>
    public static string DonePath(Deadline deadline) => deadline.Kind switch
    {
        DeadlineKinds.LicenseExpires => "Renew the license",
        DeadlineKinds.FmvOpinionRefresh => "Record the new FMV opinion",
        DeadlineKinds.MsaTermEnds or DeadlineKinds.MsaNoticeDeadline => "Open the agreement",
        DeadlineKinds.AnnualReportDue => "Open the entity",
        _ => "Open the task list",
    };
}
