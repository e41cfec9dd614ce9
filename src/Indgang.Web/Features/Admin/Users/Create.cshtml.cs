using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Admin.Users;

public sealed class CreateModel(UserManager<IndgangUser> users, IndgangDbContext db, AuditLog audit) : PageModel
{
    [BindProperty]
    public CreateUserInput Input { get; set; } = new();

    public List<SelectListItem> Departments { get; private set; } = [];

    public async Task OnGetAsync() => Departments = await UserForm.DepartmentOptionsAsync(db, null);

    public async Task<IActionResult> OnPostAsync()
    {
        await UserForm.ValidateRolesAndDepartmentAsync(db, Input.Roles, Input.DepartmentId, ModelState);
        if (ModelState.IsValid)
        {
            var user = new IndgangUser { UserName = Input.UserName.Trim(), DisplayName = Input.DisplayName.Trim(), DepartmentId = Input.DepartmentId };

            // The user, their roles and the audit row are one transaction: before, a failure after the first save left
            // an account nobody had logged, or one without its roles whose name could not be used again (found by operator review).
            await using var transaction = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded && await users.AddToRolesAsync(user, Input.Roles) is { Succeeded: false } notInRoles)
            {
                created = notInRoles;
            }

            if (created.Succeeded)
            {
                await audit.RecordAsync(AuditAction.UserCreated, null, AuditPurpose.UserAdministration, $"{user.UserName}: {string.Join(",", Input.Roles)}");
                await transaction.CommitAsync();
                return RedirectToPage("Index");
            }

            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName", error.Description);
            }
        }

        Departments = await UserForm.DepartmentOptionsAsync(db, Input.DepartmentId);
        return Page();
    }
}

public sealed class CreateUserInput
{
    [Required(ErrorMessage = "Indtast et brugernavn.")]
    [StringLength(64, ErrorMessage = "Brugernavnet må højst være 64 tegn.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Indtast brugerens navn.")]
    [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Indtast en adgangskode.")]
    public string Password { get; set; } = "";

    public Guid? DepartmentId { get; set; }

    public List<string> Roles { get; set; } = [];
}
