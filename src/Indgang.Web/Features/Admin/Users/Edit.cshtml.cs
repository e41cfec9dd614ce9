using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Users;

/// <summary>
/// Roles, department, unlock and password reset for one user. Of two administrators changing the same user's name, roles
/// or department, the second is shown what the first saved (<see cref="EditConflict"/>) instead of saving over it unseen.
/// The form guards what it shows (<see cref="ShownVersion"/>), not Identity's concurrency stamp, which changes with a
/// password reset, a failed sign-in or a lockout too: those do not stop the save.
/// </summary>
public sealed class EditModel(UserManager<IndgangUser> users, SignInManager<IndgangUser> signIn, IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    // Two forms on one page: each handler binds and validates only its own form.
    public EditUserInput Input { get; set; } = new();

    public ResetPasswordInput Reset { get; set; } = new();

    /// <summary>The version of the name, roles and department the form showed (<see cref="ShownVersion"/>).</summary>
    public Guid? Version { get; set; }

    public IndgangUser Subject { get; private set; } = null!;
    public List<SelectListItem> Departments { get; private set; } = [];
    public bool IsLockedOut { get; private set; }

    /// <summary>Disabled by an administrator (<see cref="DisabledUntil"/>): no sign-in until enabled again.</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>The administrator's own account: not disabled from here, so that no one shuts themselves out.</summary>
    public bool IsSelf { get; private set; }

    /// <summary>
    /// The lockout end of a disabled account: the last day of year 9999, so that no wait lets the user in again. Not
    /// DateTimeOffset.MaxValue: a database stores it less precisely than that, and it would not be read back the same.
    /// </summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);
    public string? Message { get; private set; }

    /// <summary>The refusal when administrators would take the administrator role from themselves.</summary>
    public const string OwnAdministratorRole = "Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det.";

    /// <summary>The refusal when the save would leave no user with the administrator role.</summary>
    public const string NoAdministratorLeft = "Så er der ingen administrator tilbage. Giv en anden rollen først.";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await ShowSavedAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, Guid? version)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Version = version;
        await TryUpdateModelAsync(Input, nameof(Input));
        await UserForm.ValidateRolesAndDepartmentAsync(db, Input.Roles, Input.DepartmentId, ModelState);
        if (IsSelf && !Input.Roles.Contains(Roles.Administrator) && await users.IsInRoleAsync(Subject, Roles.Administrator))
        {
            // The last administrator would otherwise leave no one who can administer: only another may take the role away.
            ModelState.AddModelError("Input.Roles", OwnAdministratorRole);
        }

        if (!ModelState.IsValid)
        {
            Departments = await UserForm.DepartmentOptionsAsync(db, Input.DepartmentId);
            return Page();
        }

        for (var attempt = 1; ; attempt++)
        {
            switch (await TrySaveAsync(version))
            {
                case SaveOutcome.Saved:
                    await StaySignedInIfSelfAsync();
                    return RedirectToPage("Index");
                case SaveOutcome.ChangedByOther:
                    return await ShowSavedByOtherAsync(id);
                case SaveOutcome.NoAdministratorLeft:
                    ModelState.AddModelError("Input.Roles", NoAdministratorLeft);
                    Departments = await UserForm.DepartmentOptionsAsync(db, Input.DepartmentId);
                    return Page();
                case SaveOutcome.RefusedByStamp when attempt == ShownVersion.Attempts:
                    return await ShowSavedByOtherAsync(id);
            }

            // Refused by the user's concurrency stamp: changed by another between the read and the save, perhaps only
            // by a password reset or a failed sign-in; read again.
            if (!await LoadAsync(id))
            {
                return NotFound();
            }
        }
    }

    /// <summary>
    /// An administrator who changed their own roles or department is signed in again at once, with the new security stamp,
    /// instead of being signed out by it at the next check.
    /// </summary>
    private async Task StaySignedInIfSelfAsync()
    {
        if (users.GetUserId(User) == Subject.Id && await users.FindByIdAsync(Subject.Id) is { } self)
        {
            await signIn.RefreshSignInAsync(self);
        }
    }

    private enum SaveOutcome
    {
        Saved,
        ChangedByOther,
        RefusedByStamp,
        NoAdministratorLeft,
    }

    /// <summary>
    /// One transaction for the three saves UserManager makes (roles out, roles in, the user): the first refused leaves
    /// nothing of this save behind. Saved only over the name, roles and department as the form showed them (read again
    /// in the transaction); a save by another between that read and this save is refused by the store's own check of
    /// the user's concurrency stamp, as read then.
    /// </summary>
    private async Task<SaveOutcome> TrySaveAsync(Guid? version)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Entry(Subject).ReloadAsync();
        if (Shown(Subject, await users.GetRolesAsync(Subject)) is var shown && shown != version)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            // The same choices as made here (saved by another at the same moment, or a double click) are simply taken as saved.
            var typed = ShownVersion.Of(new { DisplayName = Input.DisplayName.Trim(), Roles = UserForm.RoleList(Input.Roles), Input.DepartmentId });
            return shown == typed ? SaveOutcome.Saved : SaveOutcome.ChangedByOther;
        }

        IdentityResult saved;
        try
        {
            saved = await SaveAsync();
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // A role given by another at the same moment.
            saved = IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        if (saved.Succeeded && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0)
        {
            // Two administrators taking the role from each other: the second save would leave no one.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return SaveOutcome.NoAdministratorLeft;
        }

        if (saved.Succeeded)
        {
            await transaction.CommitAsync();
            return SaveOutcome.Saved;
        }

        await transaction.RollbackAsync();
        db.ChangeTracker.Clear();
        return saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? SaveOutcome.RefusedByStamp
            : throw new InvalidOperationException($"Saving user {Subject.UserName} failed: {string.Join("; ", saved.Errors.Select(e => e.Code))}");
    }

    private static Guid Shown(IndgangUser user, IEnumerable<string> roles) =>
        ShownVersion.Of(new { user.DisplayName, Roles = UserForm.RoleList(roles), user.DepartmentId });

    /// <summary>The form filled with the user as saved now, and its version.</summary>
    private async Task ShowSavedAsync()
    {
        var roles = await users.GetRolesAsync(Subject);
        Input = new EditUserInput { DisplayName = Subject.DisplayName, DepartmentId = Subject.DepartmentId, Roles = [.. roles] };
        Departments = await UserForm.DepartmentOptionsAsync(db, Subject.DepartmentId);
        Version = Shown(Subject, roles);
    }

    /// <summary>Roles, name and department saved, and logged; the first refusal stops it.</summary>
    private async Task<IdentityResult> SaveAsync()
    {
        var current = await users.GetRolesAsync(Subject);
        var removed = await users.RemoveFromRolesAsync(Subject, current.Except(Input.Roles));
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRolesAsync(Subject, Input.Roles.Except(current));
        if (!added.Succeeded)
        {
            return added;
        }

        var departmentChanged = Subject.DepartmentId != Input.DepartmentId;
        var rolesChanged = !current.ToHashSet(StringComparer.Ordinal).SetEquals(Input.Roles);
        Subject.DisplayName = Input.DisplayName.Trim();
        Subject.DepartmentId = Input.DepartmentId;
        // Other roles or another department: a new security stamp, so that the user's sessions end at their next check
        // (SecurityStampValidatorOptions, once a minute) and the user signs in again with what they may now do. A new name alone leaves them signed in.
        var updated = rolesChanged || departmentChanged ? await users.UpdateSecurityStampAsync(Subject) : await users.UpdateAsync(Subject);
        if (!updated.Succeeded)
        {
            return updated;
        }

        await audit.RecordAsync(AuditAction.RolesChanged, null, AuditPurpose.UserAdministration, $"{Subject.UserName}: {string.Join(",", Input.Roles)}");
        if (departmentChanged)
        {
            await audit.RecordAsync(AuditAction.DepartmentChanged, null, AuditPurpose.UserAdministration, $"{Subject.UserName}: {Input.DepartmentId}");
        }

        return IdentityResult.Success;
    }

    /// <summary>
    /// Someone else changed the user's name, roles or department since the form was opened: what is saved now beside the
    /// fields where it differs from the choices made here, which stay; the form gets the version saved now, so that Gem
    /// saves these choices over it.
    /// </summary>
    private async Task<IActionResult> ShowSavedByOtherAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var savedRoles = await users.GetRolesAsync(Subject);
        Departments = await UserForm.DepartmentOptionsAsync(db, Input.DepartmentId);
        this.ShowSavedByOther(nameof(Version),
            "Brugeren er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har valgt. Tryk »Gem« igen for at gemme dine valg i stedet.",
            saved =>
            {
                saved.Field("Input.DisplayName", Input.DisplayName, Subject.DisplayName);
                saved.Field("Input.Roles", UserForm.RoleList(Input.Roles), UserForm.RoleList(savedRoles));
                saved.Field("Input.DepartmentId", Input.DepartmentId, Subject.DepartmentId);
            });
        Version = Shown(Subject, savedRoles);
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (await TryUpdateModelAsync(Reset, nameof(Reset)))
        {
            var token = await users.GeneratePasswordResetTokenAsync(Subject);
            // A new password is a new security stamp (ResetPasswordAsync): the user's sessions end at their next check.
            var result = await users.ResetPasswordAsync(Subject, token, Reset.NewPassword);
            if (result.Succeeded)
            {
                // A disabled account stays disabled: a new password is no way round it.
                if (!IsDisabled)
                {
                    await users.SetLockoutEndDateAsync(Subject, null);
                }

                await users.ResetAccessFailedCountAsync(Subject);
                await audit.RecordAsync(AuditAction.PasswordReset, null, AuditPurpose.UserAdministration, Subject.UserName);
                Message = IsDisabled ? "Adgangskoden er nulstillet. Kontoen er stadig deaktiveret." : "Adgangskoden er nulstillet, og kontoen er låst op.";
                Reset = new ResetPasswordInput();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Reset.NewPassword", error.Description);
            }
        }

        await ShowSavedAsync();
        return Page();
    }

    /// <summary>
    /// Disables the account: locked until the end of time, and a new security stamp, so that the user's sessions end at
    /// their next check (once a minute) and no sign-in succeeds. Not one's own.
    /// </summary>
    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf)
        {
            ModelState.AddModelError(string.Empty, "Du kan ikke deaktivere din egen konto.");
        }
        else if (!IsDisabled)
        {
            await users.SetLockoutEnabledAsync(Subject, true);
            await users.SetLockoutEndDateAsync(Subject, DisabledUntil);
            await users.UpdateSecurityStampAsync(Subject);
            await audit.RecordAsync(AuditAction.UserDisabled, null, AuditPurpose.UserAdministration, Subject.UserName);
            await LoadAsync(id);
            Message = "Kontoen er deaktiveret. Brugeren er logget ud inden for et minut.";
        }

        await ShowSavedAsync();
        return Page();
    }

    /// <summary>Enables a disabled account again: the user signs in with their password as before.</summary>
    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsDisabled)
        {
            await users.SetLockoutEndDateAsync(Subject, null);
            await users.ResetAccessFailedCountAsync(Subject);
            await audit.RecordAsync(AuditAction.UserEnabled, null, AuditPurpose.UserAdministration, Subject.UserName);
            await LoadAsync(id);
            Message = "Kontoen er aktiveret igen.";
        }

        await ShowSavedAsync();
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }

        Subject = user;
        IsDisabled = user.LockoutEnd >= DisabledUntil;
        IsLockedOut = !IsDisabled && user.LockoutEnd > clock.GetUtcNow();
        IsSelf = users.GetUserId(User) == user.Id;
        return true;
    }
}

public sealed class EditUserInput
{
    [Required(ErrorMessage = "Indtast brugerens navn.")]
    [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
    public string DisplayName { get; set; } = "";

    public Guid? DepartmentId { get; set; }

    public List<string> Roles { get; set; } = [];
}

public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "Indtast en ny adgangskode.")]
    public string NewPassword { get; set; } = "";
}
