using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Sites;

/// <summary>
/// Corrects a site's name, kind, town or address (HOUSE-1); a save over someone else's is refused, not lost: theirs is
/// shown beside the fields, and the user may save again over it (<see cref="EditConflict"/>).
/// </summary>
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
        Towns = await SiteInput.TownItemsAsync(db);
        var site = await db.HousingSites.FirstOrDefaultAsync(s => s.Id == id);
        if (site is null)
        {
            // A form with a version was opened on the site: it has been deleted since.
            return Version is null ? NotFound() : DeletedByOther();
        }

        if (!await Input.IsValidAsync(db, ModelState, editedSite: id))
        {
            return Page();
        }

        db.Entry(site).Property(s => s.Version).OriginalValue = Version ?? Guid.Empty;
        Input.ApplyTo(site);
        try
        {
            if (!await SiteInput.SaveUnlessNameTakenAsync(db, ModelState))
            {
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            if (!await db.ReloadSavedAsync(site))
            {
                return DeletedByOther();
            }

            Version = this.ShowSavedByOther(nameof(Version), site.Version,
                "Boligstedet er ændret af en anden, mens du rettede det. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem boligsted« igen for at gemme dine værdier i stedet.",
                saved => saved.Fields(nameof(Input), Input, SiteInput.From(site)));
            return Page();
        }

        await audit.RecordAsync(AuditAction.HousingSiteChanged, null, AuditPurpose.HousingStock, $"{site.Id:D} {site.Name}");
        return Redirect("/Housing");
    }

    private PageResult DeletedByOther()
    {
        this.ShowDeletedByOther(nameof(Version), "Boligstedet er slettet af en anden, mens du rettede det. Det, du har skrevet, er ikke gemt.");
        Version = null;
        return Page();
    }
}
