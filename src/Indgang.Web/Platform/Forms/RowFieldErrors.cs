using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// A field drawn once for each row of a page (a task's reason, an offer's decline reason) is bound under its own name
/// but shown under the row's key (<c>Reason-{task}</c>): the errors model validation put under the name
/// (<see cref="ControlCharacterValidatorProvider"/>) are moved to the row's key, to be shown beside that row's field.
/// </summary>
internal static class RowFieldErrors
{
    /// <summary>Moves the errors under <paramref name="boundName"/> to <paramref name="rowKey"/>; true when there were any.</summary>
    public static bool MoveToRow(this ModelStateDictionary modelState, string boundName, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (modelState[boundName] is not { Errors.Count: > 0 } bound)
        {
            return false;
        }

        foreach (var error in bound.Errors)
        {
            modelState.AddModelError(rowKey, error.ErrorMessage);
        }

        modelState.Remove(boundName);
        return true;
    }
}
