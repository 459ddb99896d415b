namespace MsoManager.Web.Features.Api;

/// <summary>
/// How large a practice document may be, named once: the reader refuses a bigger body with 413, the
/// validator refuses a longer list with 400 naming it (README, "HTTP API", lists them). Far above any
/// real practice, low enough that validating and importing the largest document stays a few seconds.
/// </summary>
public static class PracticeDocumentLimits
{
    /// <summary>The largest request body of POST and PUT with a document: 8 MiB of JSON.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>The most records in each list of the document: locations, entities, people, organizations, ownership, agreements, financials.</summary>
    public const int MaxRecordsPerList = 2_000;

    /// <summary>The most licenses, and the most roles, of one person.</summary>
    public const int MaxRecordsPerPerson = 100;

    /// <summary>The most values in a list of one agreement: services, reserved clinical authority.</summary>
    public const int MaxValuesPerAgreementList = 50;

    public static string TooLarge => $"The body is over {MaxBodyBytes / (1024 * 1024)} MiB, the most a practice document may take; send a smaller document.";

    public static string TooManyRecords(string list, int max) => $"At most {max:N0} {list} in one practice document.";
}
