namespace MsoManager.Domain.Deadlines;

/// <summary>The catalog's kinds (deadlines.md), as the API and the feed name them.</summary>
public static class DeadlineKinds
{
    public const string LicenseExpires = "LICENSE_EXPIRES";

    public const string MsaTermEnds = "MSA_TERM_ENDS";

    public const string MsaNoticeDeadline = "MSA_NOTICE_DEADLINE";

    public const string FmvOpinionRefresh = "FMV_OPINION_REFRESH";

    public const string AnnualReportDue = "ANNUAL_REPORT_DUE";

    public const string SetupTaskDue = "SETUP_TASK_DUE";

    /// <summary>Every kind, in ordinal order (the order deadlines of one date are listed in).</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. new[] { LicenseExpires, MsaTermEnds, MsaNoticeDeadline, FmvOpinionRefresh, AnnualReportDue, SetupTaskDue }.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="kind"/> is one of the catalog's kinds (exactly as spelled there).</summary>
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    // What a past date leaves undone: a license still Active after its expiry, an FMV opinion not yet
    // replaced, a task still open. A past annual report, term end or notice day is simply past: nothing
    // in the records says whether it was met, so it would stay "overdue" for ever.
    private static readonly HashSet<string> OpenWhenPast = new(StringComparer.Ordinal) { LicenseExpires, FmvOpinionRefresh, SetupTaskDue };

    /// <summary>Whether a deadline of <paramref name="kind"/> stays open once its date has passed, until its record changes.</summary>
    public static bool StaysOpenWhenPast(string kind) => OpenWhenPast.Contains(kind);
}
