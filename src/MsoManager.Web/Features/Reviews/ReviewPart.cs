using Microsoft.AspNetCore.Components;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Reviews;

/// <summary>A part of the review page: shows the review it is given and asks the page to act, one action at a time.</summary>
public abstract class ReviewPart : ComponentBase
{
    /// <summary>The review shown, as the page last loaded it.</summary>
    [Parameter, EditorRequired]
    public ReviewView View { get; set; } = default!;

    /// <summary>The page's actions; none by default, for a part shown read-only.</summary>
    [Parameter]
    public ReviewActions Actions { get; set; } = ReviewActions.None;

    protected Review Review => View.Review;

    /// <summary>While an action of this part runs: its buttons are disabled, so a double click acts once.</summary>
    protected bool Busy { get; private set; }

    protected async Task<ChangeOutcome> RunAsync(Func<ReviewActions, Task<ChangeOutcome>> act)
    {
        if (Busy)
        {
            return new ChangeOutcome(false);
        }

        Busy = true;
        try
        {
            return await act(Actions);
        }
        finally
        {
            Busy = false;
        }
    }
}
