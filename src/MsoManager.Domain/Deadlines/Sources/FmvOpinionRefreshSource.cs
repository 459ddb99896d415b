using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines.Sources;

/// <summary>
/// FMV_OPINION_REFRESH: an Approved or Executed MSA's FMV opinion supports the fee until its valuation
/// date + 24 months (FEE_FMV_UNDOCUMENTED fires the day after).
/// </summary>
internal sealed class FmvOpinionRefreshSource : IDeadlineSource
{
    public string Kind => DeadlineKinds.FmvOpinionRefresh;

    public IEnumerable<Deadline> Find(Practice practice, DeadlineWindow window) =>
        from msa in practice.Agreements
        where msa.IsMsa && msa.Status is AgreementStatus.Approved or AgreementStatus.Executed && msa.Terms.FmvValuedOn is not null
        let last = msa.Terms.FmvValuedOn!.Value.AddMonths(DeadlineCalculator.FmvOpinionMonths)
        where window.Contains(last)
        select new Deadline(Kind, last, DeadlineSubject.Agreement, msa.Key, msa.Id,
            $"{DeadlineText.Msa(practice, msa)}: last day the FMV opinion of {DeadlineText.Date(msa.Terms.FmvValuedOn!.Value)} supports the fee");
}
