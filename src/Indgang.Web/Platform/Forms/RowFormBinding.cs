using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// The forms in a table's rows (<see cref="RowField"/>) post their field under one shared name, and the page says its
/// errors under each row's own key. A value that does not read (a day typed as 2026-02-30 where the browser has no date
/// picker) got the binder's message under the shared name as well: said twice in the error summary, once linked to a
/// field the page does not have.
/// </summary>
public static class RowFormBinding
{
    /// <summary>
    /// The binder's message under <paramref name="sharedName"/> dropped, what was typed kept for the row to show again. The
    /// property is then empty, which the handler's own check refuses beside the row's field; true when something was typed
    /// that did not read, so that the check says so rather than asking for a value as if none had been typed.
    /// </summary>
    public static bool LeaveUnreadableToTheRow(this ModelStateDictionary modelState, string sharedName)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (modelState[sharedName] is { Errors.Count: > 0 } entry)
        {
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Skipped;
            return true;
        }

        return false;
    }
}
