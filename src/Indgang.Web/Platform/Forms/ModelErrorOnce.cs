using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// A message put beside a field by a check shared with text model validation does not see (the API's JSON body, a CSV
/// file's cells), when model validation may have put the same message there already
/// (<see cref="ControlCharacterValidatorProvider"/>): said once, not twice.
/// </summary>
internal static class ModelErrorOnce
{
    public static void AddModelErrorOnce(this ModelStateDictionary modelState, string key, string message)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (modelState[key] is not { } entry || entry.Errors.All(e => e.ErrorMessage != message))
        {
            modelState.AddModelError(key, message);
        }
    }
}
