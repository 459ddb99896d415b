using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Infrastructure.Seeding;

/// <summary>
/// The demo's attorney review, so each role finds one on signing in: Carlos (Consultant) asked Ada
/// (Attorney) to review Pacific Skin Studio's draft MSA; she requested changes to version 1 with her
/// reason; Carlos lowered the fee (version 2, still a percentage, still reserving too little) and
/// asked again. That second review is open in Ada's queue, partly assessed, with a comment thread.
/// </summary>
internal static class DemoReviews
{
    public static IReadOnlyList<Review> Create(Practice pacific, ReviewParticipant consultant, ReviewParticipant attorney, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var msa = pacific.Agreements.Single(a => a.Key == "msa");
        var firstAsked = now.AddDays(-20);
        var first = Review.Request(msa, attorney, PracticeScope.AllPractices, consultant, hasOpenReview: false, null,
            "Priya wants to sign next month. Please look at the fee and the reserved authority first.", today.AddDays(-20), firstAsked);
        first.Assess("FEE_WITHIN_FMV", Assessment.Concern, "45% of collections, with no FMV opinion on file, leaves the fee's fair market value unsupported.", attorney, firstAsked.AddDays(3));
        first.Comment(ReviewSection.Fee, "Is 45% of collections what the MSO needs, or a starting point? A flat monthly fee within an FMV range is far easier to defend.",
            null, attorney, firstAsked.AddDays(3));
        first.Decide(msa, ReviewDecision.RequestChanges,
            "Replace the percentage fee with a flat monthly fee supported by an FMV opinion, and reserve every clinical decision to the medical corporation (staffing, supervision, scheduling, records), not only clinical protocols.",
            attorney, firstAsked.AddDays(4));

        msa.Revise(msa.Terms with { RatePercent = 40 }, msa.Title, now.AddDays(-12));
        var secondAsked = now.AddDays(-10);
        var second = Review.Request(msa, attorney, PracticeScope.AllPractices, consultant, hasOpenReview: false, today.AddDays(5),
            "We lowered the fee to 40% while the FMV opinion is being prepared; the reserved authority is unchanged for now.", today.AddDays(-10), secondAsked);
        second.Assess("PARTIES", Assessment.Pass, null, attorney, secondAsked.AddDays(2));
        second.Assess("TERM_AND_TERMINATION", Assessment.Pass, null, attorney, secondAsked.AddDays(2));
        second.Assess("FEE_WITHIN_FMV", Assessment.Concern, "40% of collections is still unsupported: no FMV opinion, and a percentage fee.", attorney, secondAsked.AddDays(2));
        var question = second.Comment(ReviewSection.ClinicalAuthority,
            "The MSA still reserves only clinical protocols to the PC. Dr. Lee must control staffing, supervision and patient records too.", null, attorney, secondAsked.AddDays(2));
        second.Comment(ReviewSection.General, "Understood: Priya agrees to add them. The revised draft follows this week.", question.Id, consultant, secondAsked.AddDays(3));
        return [first, second];
    }
}
