namespace MsoManager.EndToEnd.Tests;

/// <summary>
/// Every page of the app, walked by the accessibility and the content security policy tests. A new
/// page goes here (SecurityHeadersTests fails while a routable page is missing from these lists).
/// </summary>
internal static class AppPages
{
    /// <summary>The statically rendered account pages a signed-out visitor reaches.</summary>
    public static readonly string[] SignedOut =
    [
        "Account/Login",
        "Account/Lockout",
        "Account/AcceptInvitation?token=unknown",
        "Account/AccessDenied",

        // Without a sign-in waiting for its second step these lead back to the sign-in page.
        "Account/LoginWith2fa",
        "Account/LoginWithRecoveryCode",
    ];

    /// <summary>Pages of a signed-in Owner; those under Account/ render statically, the rest are interactive.</summary>
    public static readonly string[] SignedIn =
    [
        "",
        "workspace/members",
        "practices",
        "reviews",
        "calendar",
        "calendar?view=month",
        "state-rules",
        "Account/Manage/ChangePassword",
        "Account/Manage/ApiTokens",
        "Account/Manage/TwoFactor",
        "Account/Manage/EnableAuthenticator",
        "not-found",
        "Error",

        // A review that does not exist: the page says so in words (a real one is walked by the review flow).
        $"reviews/{Guid.Empty}",
    ];

    /// <summary>The route templates of pages addressed by a record's id, walked with a real id or an unknown one above.</summary>
    public static readonly string[] ByRecord =
    [
        "practices/{Id:guid}",
        "reviews/{ReviewId:guid}",
    ];

    /// <summary>The sections of the practice page (practices/{id}?section=...), opened on the demo practice.</summary>
    public static readonly string[] PracticeSections =
    [
        "overview",
        "entities",
        "ownership",
        "people",
        "agreements",
        "locations",
        "financials",
        "tasks",
        "deadlines",
        "history",
    ];

    /// <summary>
    /// Pages of one agreement of the demo practice: each route with the address walked, relative to the
    /// practice's (its MSA, "msa", has one version, so the compare page says there is nothing to compare yet).
    /// </summary>
    public static readonly (string Route, string Path)[] AgreementPages =
    [
        ("practices/{PracticeId:guid}/agreements/{Key}/compare", "agreements/msa/compare"),
    ];

    /// <summary>The demo practice whose sections are walked.</summary>
    public const string DemoPractice = "Glow Aesthetics";

    public static TheoryData<string> SignedOutData => [.. SignedOut];

    public static TheoryData<string> SignedInData => [.. SignedIn];

    public static TheoryData<string> PracticeSectionData => [.. PracticeSections];

    public static TheoryData<string> AgreementPageData => [.. AgreementPages.Select(p => p.Path)];

    /// <summary>Whether the page renders interactively (the Blazor circuit connects) rather than statically.</summary>
    public static bool IsInteractive(string path) => !path.StartsWith("Account/", StringComparison.Ordinal);
}
