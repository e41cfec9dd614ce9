using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Housing.Sites;

public sealed class CreateModel(IndgangDbContext db, AuditLog audit) : PageModel, ISiteForm
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Towns { get; private set; } = [];

    public async Task OnGetAsync() => Towns = await SiteInput.TownItemsAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        Towns = await SiteInput.TownItemsAsync(db);
        if (!await Input.IsValidAsync(db, ModelState))
        {
            return Page();
        }

        var site = db.HousingSites.Add(Input.ToSite()).Entity;
        if (!await SiteInput.SaveUnlessNameTakenAsync(db, ModelState))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.HousingSiteChanged, null, AuditPurpose.HousingStock, $"{site.Id:D} {site.Name}");
        return Redirect("/Housing");
    }
}
