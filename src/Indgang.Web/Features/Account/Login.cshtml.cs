using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Account;

public sealed class LoginModel(SignInManager<IndgangUser> signIn, AuditLog audit) : PageModel
{
    public const string Disabled = "Kontoen er deaktiveret. Kontakt IT, hvis du skal bruge den igen.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsAsync(Input.UserName.Trim(), AuditAction.SignInSucceeded, null, "Log ind");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await audit.RecordAsAsync(AuditLog.SystemActor, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, null, "Log ind", $"Brugernavn: {Input.UserName.Trim()}");
        // One message for unknown user and wrong password: the page must not reveal which user names exist. A locked
        // account is told apart (as Identity does), and one an administrator disabled is not told to wait 15 minutes.
        ModelState.AddModelError(string.Empty, !result.IsLockedOut ? "Brugernavn eller adgangskode er forkert."
            : await IsDisabledAsync(Input.UserName.Trim()) ? Disabled
            : "Kontoen er midlertidigt låst efter for mange forkerte forsøg. Prøv igen om 15 minutter, eller kontakt IT.");
        return Page();
    }

    private async Task<bool> IsDisabledAsync(string userName) =>
        await signIn.UserManager.FindByNameAsync(userName) is { LockoutEnd: { } end } && end >= Admin.Users.EditModel.DisabledUntil;
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Indtast dit brugernavn.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Indtast din adgangskode.")]
    public string Password { get; set; } = "";
}
