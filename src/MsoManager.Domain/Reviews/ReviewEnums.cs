namespace MsoManager.Domain.Reviews;

/// <summary>Where a review stands: open until its attorney decides, or until those who asked withdraw it.</summary>
public enum ReviewStatus
{
    Open,
    Approved,
    ChangesRequested,

    /// <summary>Withdrawn before a decision (the attorney left, the wrong attorney was asked): the agreement is a draft again.</summary>
    Withdrawn,
}

/// <summary>The attorney's decision on the version read.</summary>
public enum ReviewDecision
{
    Approve,
    RequestChanges,
}

/// <summary>The attorney's word on one checklist item; only the assigned attorney sets it.</summary>
public enum Assessment
{
    Unassessed,
    Pass,
    Concern,
    NotApplicable,
}

/// <summary>The part of an agreement a comment thread is about (review.md).</summary>
public enum ReviewSection
{
    Parties,
    Term,
    Services,
    Fee,
    Fmv,
    ClinicalAuthority,
    Termination,
    General,
}
