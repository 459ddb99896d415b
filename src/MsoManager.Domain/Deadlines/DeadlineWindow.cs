using MsoManager.Domain.Common;

namespace MsoManager.Domain.Deadlines;

/// <summary>The dates asked about, both inclusive.</summary>
public readonly record struct DeadlineWindow(DateOnly From, DateOnly To)
{
    /// <summary>The longest window the API answers (deadlines.md).</summary>
    public const int MaxDays = 1100;

    /// <summary>The window the API uses when no end is given: a year from its start.</summary>
    public const int DefaultDays = 365;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The message when the window is reversed or longer than <see cref="MaxDays"/> days, or null.</summary>
    public static string? Validate(DateOnly from, DateOnly to) =>
        Dates.ValidateInRange(from, "From") ?? Dates.ValidateInRange(to, "To")
        ?? (to < from ? "To must not be before from."
            : to.DayNumber - from.DayNumber > MaxDays ? $"The window may be at most {MaxDays} days long; this one is {to.DayNumber - from.DayNumber}." : null);
}
