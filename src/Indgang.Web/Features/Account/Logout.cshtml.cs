using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Account;

/// <summary>
/// Sign-out ends the session, not only the browser's cookie: the user's security stamp is renewed, so a copy of the cookie
/// taken before (left on a shared PC, or leaked) is refused at its next check (<see cref="SecurityStampValidatorOptions"/>,
/// once a minute), as are the user's other sessions — signing out signs out everywhere. Before, the cookie stayed valid for
/// the rest of its eight hours.
/// </summary>
public sealed class LogoutModel(SignInManager<IndgangUser> signIn, UserManager<IndgangUser> users, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditAction.SignedOut, null, AuditPurpose.SignOut);
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
