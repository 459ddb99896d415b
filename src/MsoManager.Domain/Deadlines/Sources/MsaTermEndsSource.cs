using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines.Sources;

/// <summary>MSA_TERM_ENDS: every end of an Executed MSA's term in the window (<see cref="MsaTermEnds"/>).</summary>
internal sealed class MsaTermEndsSource : IDeadlineSource
{
    public string Kind => DeadlineKinds.MsaTermEnds;

    public IEnumerable<Deadline> Find(Practice practice, DeadlineWindow window) =>
        from msa in practice.Agreements
        from end in MsaTermEnds.Between(msa, window.From, window.To)
        select new Deadline(Kind, end, DeadlineSubject.Agreement, msa.Key, msa.Id,
            msa.Terms.AutoRenew
                ? $"{DeadlineText.Msa(practice, msa)}: term ends and renews for {MsaTermEnds.RenewalMonths(msa)} months unless notice was given"
                : $"{DeadlineText.Msa(practice, msa)}: term ends; it does not auto-renew");

}
