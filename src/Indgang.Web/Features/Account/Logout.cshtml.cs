using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Account;

public sealed class LogoutModel(SignInManager<IndgangUser> signIn, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditAction.SignedOut, null, AuditPurpose.SignOut);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
