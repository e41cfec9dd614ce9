using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Users;

/// <summary>Roles, department, unlock and password reset for one user.</summary>
public sealed class EditModel(UserManager<IndgangUser> users, IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    // Two forms on one page: each handler binds and validates only its own form.
    public EditUserInput Input { get; set; } = new();

    public ResetPasswordInput Reset { get; set; } = new();

    public IndgangUser Subject { get; private set; } = null!;
    public List<SelectListItem> Departments { get; private set; } = [];
    public bool IsLockedOut { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new EditUserInput { DisplayName = Subject.DisplayName, DepartmentId = Subject.DepartmentId, Roles = [.. await users.GetRolesAsync(Subject)] };
        Departments = await UserForm.DepartmentOptionsAsync(db, Subject.DepartmentId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await TryUpdateModelAsync(Input, nameof(Input));
        await UserForm.ValidateRolesAndDepartmentAsync(db, Input.Roles, Input.DepartmentId, ModelState);

        if (!ModelState.IsValid)
        {
            Departments = await UserForm.DepartmentOptionsAsync(db, Input.DepartmentId);
            return Page();
        }

        var current = await users.GetRolesAsync(Subject);
        await users.RemoveFromRolesAsync(Subject, current.Except(Input.Roles));
        await users.AddToRolesAsync(Subject, Input.Roles.Except(current));
        var departmentChanged = Subject.DepartmentId != Input.DepartmentId;
        Subject.DisplayName = Input.DisplayName.Trim();
        Subject.DepartmentId = Input.DepartmentId;
        await users.UpdateAsync(Subject);
        await audit.RecordAsync(AuditAction.RolesChanged, null, "Brugeradministration", $"{Subject.UserName}: {string.Join(",", Input.Roles)}");
        if (departmentChanged)
        {
            await audit.RecordAsync(AuditAction.DepartmentChanged, null, "Brugeradministration", $"{Subject.UserName}: {Input.DepartmentId}");
        }

        return RedirectToPage("Index");
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
            var result = await users.ResetPasswordAsync(Subject, token, Reset.NewPassword);
            if (result.Succeeded)
            {
                await users.SetLockoutEndDateAsync(Subject, null);
                await users.ResetAccessFailedCountAsync(Subject);
                await audit.RecordAsync(AuditAction.PasswordReset, null, "Brugeradministration", Subject.UserName);
                Message = "Adgangskoden er nulstillet, og kontoen er låst op.";
                Reset = new ResetPasswordInput();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Reset.NewPassword", error.Description);
            }
        }

        Input = new EditUserInput { DisplayName = Subject.DisplayName, DepartmentId = Subject.DepartmentId, Roles = [.. await users.GetRolesAsync(Subject)] };
        Departments = await UserForm.DepartmentOptionsAsync(db, Subject.DepartmentId);
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
        IsLockedOut = user.LockoutEnd > clock.GetUtcNow();
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
