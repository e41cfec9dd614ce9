using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Identity;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Account;

public sealed partial class LoginModel(
    SignInManager<IndgangUser> signIn, IPasswordHasher<IndgangUser> hasher, UnknownUserPasswordCheck unknownUser, AuditLog audit, IndgangMetrics metrics, ILogger<LoginModel> logger)
    : PageModel
{
    /// <summary>
    /// The one answer to every refused sign-in: an unknown name, a wrong password, an account locked after failed tries or
    /// one an administrator disabled. Telling the locked and disabled ones apart before the password was checked showed
    /// anyone which user names exist, and after it would tell a guesser when a locked account's password is right.
    /// </summary>
    public const string Refused = "Brugernavn eller adgangskode er forkert. Efter fem forkerte forsøg i træk låses kontoen i 15 minutter. Er kontoen deaktiveret, eller kommer du ikke ind, så kontakt IT.";

    /// <summary>The audit details of a refused sign-in with a name no user has: the name typed is not kept.</summary>
    public const string UnknownUserName = "Ukendt brugernavn";

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

        var name = Input.UserName.Trim();
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // Refused without the user's password checked: as long as a check takes, all the same (UnknownUserPasswordCheck).
            unknownUser.Check(hasher, Input.Password);
        }

        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsAsync(user!.UserName!, AuditAction.SignInSucceeded, null, AuditPurpose.SignIn);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // Only an existing user's name is kept: what was typed may be a password typed in the wrong field, and the log keeps it for ever.
        await audit.RecordAsAsync(AuditLog.SystemActor, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, null, AuditPurpose.SignIn,
            user is null ? UnknownUserName : $"Brugernavn: {user.UserName}");
        // For the operator's log and metrics too, where a run of them is seen: from where, not who (the audit log has that).
        metrics.SignInRefused(result.IsLockedOut);
        LogRefused(logger, result.IsLockedOut ? "locked out" : "refused", HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        ModelState.AddModelError(string.Empty, Refused);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in was {Outcome}, from {RemoteAddress}")]
    private static partial void LogRefused(ILogger logger, string outcome, string remoteAddress);
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Indtast dit brugernavn.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Indtast din adgangskode.")]
    public string Password { get; set; } = "";
}
