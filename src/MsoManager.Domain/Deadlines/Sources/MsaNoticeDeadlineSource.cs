using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines.Sources;

/// <summary>
/// MSA_NOTICE_DEADLINE: for an Executed MSA that auto-renews and has a without-cause notice period,
/// the last day to give notice before each term end E (in or after the window) is E - notice days,
/// listed when it falls in the window.
/// </summary>
internal sealed class MsaNoticeDeadlineSource : IDeadlineSource
{
    public string Kind => DeadlineKinds.MsaNoticeDeadline;

    public IEnumerable<Deadline> Find(Practice practice, DeadlineWindow window) =>
        from msa in practice.Agreements
        where msa.Terms.AutoRenew && msa.Terms.WithoutCauseNoticeDays is not null
        let notice = msa.Terms.WithoutCauseNoticeDays!.Value
        from end in MsaTermEnds.Between(msa, window.From.AddDays(notice), window.To.AddDays(notice))
        select new Deadline(Kind, end.AddDays(-notice), DeadlineSubject.Agreement, msa.Key, msa.Id,
            $"{DeadlineText.Msa(practice, msa)}: last day to give notice before it renews on {DeadlineText.Date(end)}");
}
