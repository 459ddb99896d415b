using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// FEE_ABOVE_FMV: a management fee above the top of its own fair-market-value range is the plainest
/// sign that the MSO takes profit from the practice rather than paying for services.
/// </summary>
/// <remarks>
/// Readings: the contract fee is annualized from the terms (FlatMonthly x 12; PercentOfCollections and
/// Hybrid's rate part on the trailing window's annualized collections; CostPlus on the annualized fee
/// paid); a Hybrid missing its flat amount or its rate uses the part it has; a fee with no method or
/// without its amounts is not computable. The annualized fee paid is compared too, whatever the method.
/// </remarks>
internal sealed class FeeAboveFmvRule() : ComplianceRule(
    "FEE_ABOVE_FMV",
    Severity.High,
    "An MSA's annualized fee, by its terms or as paid, is above its FMV high")
{
    private const int MonthsPerYear = 12;

    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var msa in context.OpenMsas)
        {
            if (msa.Terms.FmvHigh is not { } high)
            {
                continue;
            }

            var window = msa.ProfessionalEntityId is { } pcId ? context.Window(pcId) : default;
            var byTerms = AnnualFee(msa.Terms, window);
            var paid = window.AnnualFeePaid;
            if (!(byTerms > high) && !(paid > high))
            {
                continue;
            }

            var termsText = byTerms is { } fee ? $"{FindingText.Usd(fee)} a year by its terms" : "not computable from its terms";
            var paidText = paid is { } amount
                ? $"{FindingText.Usd(amount)} a year as paid (annualized from {window.Months} month{(window.Months == 1 ? "" : "s")} from {context.WindowStart} to {context.WindowEnd})"
                : $"unknown as paid (no financial months from {context.WindowStart} to {context.WindowEnd})";
            yield return AboutAgreement(
                msa,
                $"The fee of the {context.Describe(msa)} is {termsText} and {paidText}, above the FMV high of {FindingText.Usd(high)}.",
                "Bring the fee within the fair-market-value range, or obtain a valuation that supports it.");
        }
    }

    /// <summary>The fee a year by the MSA's terms (compliance-rules.md, "Annualized fee"), or null when not computable.</summary>
    private static decimal? AnnualFee(MsaTerms terms, FinancialWindow window)
    {
        var collections = window.AnnualCollections;
        return terms.FeeMethod switch
        {
            FeeMethod.FlatMonthly => terms.FlatMonthly * MonthsPerYear,
            FeeMethod.PercentOfCollections => terms.RatePercent / 100m * collections,
            FeeMethod.CostPlus => window.AnnualFeePaid,
            FeeMethod.Hybrid => terms.FlatMonthly is null && (terms.RatePercent is null || collections is null)
                ? null
                : ((terms.FlatMonthly ?? 0m) * MonthsPerYear) + ((terms.RatePercent ?? 0m) / 100m * (collections ?? 0m)),
            null => null,
            _ => null,
        };
    }
}
