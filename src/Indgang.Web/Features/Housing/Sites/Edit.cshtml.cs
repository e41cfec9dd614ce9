using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Sites;

/// <summary>Corrects a site's name, kind, town or address (HOUSE-1); a save over someone else's is refused, not lost.</summary>
public sealed class EditModel(IndgangDbContext db, AuditLog audit) : PageModel, ISiteForm
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();

    /// <summary>The site's version when the form was opened (optimistic concurrency).</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public IReadOnlyList<SelectListItem> Towns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var site = await db.HousingSites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (site is null)
        {
            return NotFound();
        }

        Input = SiteInput.From(site);
        Version = site.Version;
        Towns = await SiteInput.TownItemsAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var site = await db.HousingSites.FirstOrDefaultAsync(s => s.Id == id);
        if (site is null)
        {
            return NotFound();
        }

        Towns = await SiteInput.TownItemsAsync(db);
        if (!await Input.IsValidAsync(db, ModelState, editedSite: id))
        {
            return Page();
        }

        db.Entry(site).Property(s => s.Version).OriginalValue = Version ?? Guid.Empty;
        Input.ApplyTo(site);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Boligstedet er ændret af en anden, siden du åbnede det. Dine ændringer er ikke gemt, men står stadig herunder.");
            return Page();
        }

        await audit.RecordAsync(AuditAction.HousingSiteChanged, null, "Boligmassen", $"{site.Id:D} {site.Name}");
        return Redirect("/Housing");
    }
}
