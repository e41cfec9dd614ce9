using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Account;

/// <summary>
/// Keeps the session of one who is typing: the page's script posts here (with the antiforgery token) while a form is
/// being filled in, so a long journal note typed without a request for longer than the idle limit
/// (<see cref="Identity.SessionLimitOptions.IdleMinutes"/>) is not lost at its submit. The request itself renews the
/// session; a user who walks away sends none, and is signed out at the limit. Signed-in staff only (the folder's policy).
/// </summary>
public sealed class KeepAliveModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost() => new NoContentResult();
}
