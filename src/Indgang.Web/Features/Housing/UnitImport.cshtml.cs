using System.Text;
using Indgang.Domain;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>Imports housing units from CSV: errors per row, nothing saved unless every row is right.</summary>
public sealed class UnitImportModel(IndgangDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>What a full export holds for about 16,000 units, far more than a municipality's stock; the rows are
    /// checked in time linear in their number.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public const string ChooseFile = "Vælg en CSV-fil.";

    public const string TooLarge = "Filen er for stor (højst 2 MB).";

    public const string ImportedByOther = "Boliger med de samme navne er lige blevet oprettet af en anden. Intet er gemt. Indlæs filen igen for at se hvilke.";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<CsvRowError> RowErrors { get; private set; } = [];
    public int Imported { get; private set; }

    public void OnGet()
    {
        // A file larger than the server takes at all: the form was not read, and the page is shown as if asked for.
        if (RequestBodyLimit.WasExceeded(HttpContext))
        {
            ModelState.AddModelError(nameof(Upload), TooLarge);
        }
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(UnitCsv.Template)).ToArray(), "text/csv; charset=utf-8", "boliger-skabelon.csv");

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0 || Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? ChooseFile : Upload.Length == 0 ? Platform.CsvRows.EmptyFile : TooLarge);
            return Page();
        }

        // Names that differ only in case may already be in the database: a lookup, not a dictionary, so such a name is a
        // row error instead of a crash.
        var sites = (await db.HousingSites.AsNoTracking().Select(s => new { s.Name, s.Id }).ToListAsync())
            .ToLookup(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase);
        using var reader = await Platform.CsvRows.ReaderAsync(Upload.OpenReadStream(), HttpContext.RequestAborted);
        var (units, errors) = UnitCsv.Parse(reader, sites);
        var siteIds = sites.SelectMany(s => s).ToList();
        var existing = (await db.HousingUnits.AsNoTracking().Select(u => new { u.SiteId, u.Label }).ToListAsync())
            .Select(u => SiteLabel(u.SiteId, u.Label)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inFile = units.CountBy(u => SiteLabel(u.Unit.SiteId, u.Unit.Label), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, unit, unreadable) in units)
        {
            errors.AddRange(unit.Validate(siteIds, clock.Today()).Where(e => e.Key != nameof(UnitInput.SiteId) && !unreadable.Contains(e.Key)).Select(e => new CsvRowError(row, UnitCsv.InColumn(e.Key, e.Value))));
            var key = SiteLabel(unit.SiteId, unit.Label);
            if (existing.Contains(key))
            {
                errors.Add(new CsvRowError(row, new Said("Boligen »{0}« findes allerede på stedet.", unit.Label ?? "")));
            }
            else if (inFile[key] > 1)
            {
                errors.Add(new CsvRowError(row, new Said("Boligen »{0}« står flere gange i filen på samme sted.", unit.Label ?? "")));
            }
        }

        if (errors.Count > 0)
        {
            RowErrors = errors.OrderBy(e => e.Row).ToList();
            ModelState.AddModelError(nameof(Upload), T["Filen har {0} fejl. Intet er gemt. Ret rækkerne herunder, og indlæs filen igen.", RowErrors.Count].Value);
            return Page();
        }

        db.HousingUnits.AddRange(units.Select(u => u.Unit.ToUnit()));
        // The same units imported by another at the same moment (or a second click), their labels perhaps in another case:
        // one label per site without regard to case refuses the second save (on PostgreSQL perhaps as a deadlock, the two
        // having inserted them in a different order). The rows are checked again against what is saved now when the file
        // is imported again.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            ModelState.AddModelError(nameof(Upload), ImportedByOther);
            return Page();
        }

        await audit.RecordAsync(AuditAction.HousingUnitChanged, null, AuditPurpose.HousingStockImport, $"{units.Count} boliger");
        Imported = units.Count;
        return Page();
    }

    /// <summary>One key for a label on a site, compared without regard to case as the database's unique index does.</summary>
    private static string SiteLabel(Guid? siteId, string? label) => $"{siteId}/{label?.Trim()}";
}
