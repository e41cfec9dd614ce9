using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Account;

/// <summary>
/// Keeps the session of one who is typing: the page's script posts here (with the antiforgery token) while a form is
/// being filled in, so a long journal note typed without a request for longer than the idle limit
/// (<see cref="Identity.SessionLimitOptions.IdleMinutes"/>) is not lost at its submit. The request itself renews the
/// session; a user who walks away sends none, and is signed out at the limit. Signed-in staff only (the folder's policy).
/// A page whose token is refused here asks, by <see cref="OnGetUser"/>, which user the session is: another user signed
/// in in another tab, whose session the token is not for.
/// </summary>
public sealed class KeepAliveModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost() => new NoContentResult();

    /// <summary>The session's user mark (<see cref="SessionUserMark"/>), as the page holds its own; never from a cache.</summary>
    public IActionResult OnGetUser()
    {
        Response.Headers.CacheControl = "no-store";
        return Content(SessionUserMark.Of(User), "text/plain");
    }
}
