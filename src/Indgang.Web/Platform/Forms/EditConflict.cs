using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// Someone else saved the record while the user was editing it (optimistic concurrency, as in ASP.NET Core's tutorial
/// "handle concurrency conflicts"): the user's values stay in the fields, what is saved now is shown beside them
/// (<see cref="SavedValues"/>), and the form gets the version saved now, so that pressing Gem again saves over it
/// deliberately. The page's other checks run again on that save, against what is saved then.
/// </summary>
public static class EditConflict
{
    /// <summary>
    /// One message in the error summary and what is saved now beside the fields (<paramref name="compare"/> compares
    /// them with what was typed); the posted (old) value of <paramref name="versionField"/> is forgotten. Returns the
    /// version saved now, for the form's hidden version field.
    /// </summary>
    public static Guid ShowSavedByOther(this PageModel page, string versionField, Guid savedVersion, string message, Action<SavedValues> compare)
    {
        page.ShowSavedByOther(versionField, message, compare);
        return savedVersion;
    }

    /// <summary>
    /// The same for a version that is no Guid (Identity's concurrency stamp, a row's value as it was shown): the page
    /// puts the version saved now in the form itself.
    /// </summary>
    public static void ShowSavedByOther(this PageModel page, string versionField, string message, Action<SavedValues> compare)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(compare);
        page.ModelState.Remove(versionField);
        page.ModelState.AddModelError("", message);
        var saved = SavedValues.For(page.ViewData);
        compare(saved);
        saved.Forget(versionField);
    }

    /// <summary>
    /// The record was deleted while the user was editing it: said in the error summary, with what they typed still in
    /// the fields (to copy), and answered 404, as the record is gone.
    /// </summary>
    public static void ShowDeletedByOther(this PageModel page, string versionField, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.ModelState.Remove(versionField);
        page.ModelState.AddModelError("", message);
        page.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
