using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Indgang.Web.Data.Configurations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing.Sites;

public sealed class CreateModel(IndgangDbContext db, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public SiteKind? Kind { get; set; }

    [BindProperty]
    public Guid? TownId { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    public List<SelectListItem> Towns { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Angiv stedets navn.");
        }
        else if (Name.Trim().Length > HousingSiteConfiguration.NameLength)
        {
            ModelState.AddModelError(nameof(Name), T["Navnet må højst være {0:N0} tegn.", HousingSiteConfiguration.NameLength].Value);
        }
        else if (await NameTakenAsync(Name.Trim()))
        {
            ModelState.AddModelError(nameof(Name), "Der findes allerede et boligsted med det navn. Giv stedet et andet navn.");
        }

        if (Kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Vælg hvilken slags sted det er.");
        }

        if (TownId is not { } town || !await db.Towns.AnyAsync(t => t.Id == town))
        {
            ModelState.AddModelError(nameof(TownId), "Vælg en by fra listen.");
        }

        if (Address?.Trim().Length > HousingSiteConfiguration.AddressLength)
        {
            ModelState.AddModelError(nameof(Address), T["Adressen må højst være {0:N0} tegn.", HousingSiteConfiguration.AddressLength].Value);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.HousingSites.Add(new HousingSite(Name!, Kind!.Value, TownId!.Value, Address));
        await db.SaveChangesAsync();
        return Redirect("/Housing");
    }

    /// <summary>
    /// Sites are named in the unit import (CSV), where case does not count: two names that differ only in case would
    /// make the file's rows ambiguous. The few sites are compared here, as SQLite lower-cases only ASCII letters.
    /// </summary>
    private async Task<bool> NameTakenAsync(string name) =>
        (await db.HousingSites.AsNoTracking().Select(s => s.Name).ToListAsync()).Contains(name, StringComparer.OrdinalIgnoreCase);

    private async Task LoadAsync() =>
        Towns = [new("Vælg", ""), .. (await db.Towns.AsNoTracking().OrderBy(t => t.Name).ToListAsync()).Select(t => new SelectListItem(t.Name, t.Id.ToString()))];

    public static IEnumerable<SelectListItem> KindItems =>
        [new("Vælg", ""), .. Enum.GetValues<SiteKind>().Select(k => new SelectListItem(IndexModel.KindText(k), k.ToString()))];
}
