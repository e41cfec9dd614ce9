using System.Security.Claims;
using System.Text;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Reception;

/// <summary>Imports expected arrivals from a CSV file: errors per row, and nothing is saved unless every row is right.</summary>
public sealed class ImportModel(ArrivalRegistration registration, IndgangDbContext db, IStringLocalizer<SharedResource> T) : PageModel
{
    private const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// The households of one file. They are registered in one transaction, which holds the database's write lock
    /// (SQLite) or the audit log's lock (PostgreSQL) until it ends, so everyone else's saves wait: 500 take some 8 s on
    /// the reference machine (about 15 ms a household), well within the 30 s a save waits before it gives up.
    /// </summary>
    public const int MostHouseholds = 500;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool ConfirmDuplicates { get; set; }

    public IReadOnlyList<CsvRowError> RowErrors { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, int Members)> Imported { get; private set; } = [];
    public bool HasPossibleDuplicates { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ArrivalCsv.Template)).ToArray(), "text/csv; charset=utf-8", "ankomster-skabelon.csv");

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vælg en CSV-fil.");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Filen er for stor (højst 1 MB).");
            return Page();
        }

        using var reader = await Platform.CsvRows.ReaderAsync(Upload.OpenReadStream(), HttpContext.RequestAborted);
        var (households, parseErrors) = ArrivalCsv.Parse(reader);
        var errors = new List<CsvRowError>(parseErrors);
        if (errors.Count == 0 && households.Count > MostHouseholds)
        {
            ModelState.AddModelError(nameof(Upload), T["Filen har {0:N0} husstande. Indlæs højst {1:N0} ad gangen: del filen i flere.", households.Count, MostHouseholds].Value);
            return Page();
        }

        if (errors.Count == 0)
        {
            errors.AddRange(await RegisterAllOrNothingAsync(households));
        }

        if (errors.Count > 0)
        {
            RowErrors = errors.OrderBy(e => e.Row).ToList();
            ModelState.AddModelError(nameof(Upload), T["Filen har {0} fejl. Intet er gemt. Ret rækkerne herunder, og indlæs filen igen.", RowErrors.Count].Value);
        }

        return Page();
    }

    private async Task<List<CsvRowError>> RegisterAllOrNothingAsync(List<ParsedHousehold> households)
    {
        var errors = new List<CsvRowError>();
        var imported = new List<(Guid, string, int)>();
        var coordinator = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var household in households)
        {
            var result = await registration.RegisterAsync(household.Request with { ConfirmPossibleDuplicates = ConfirmDuplicates }, coordinator);
            HasPossibleDuplicates |= result.HasPossibleDuplicates && !result.Succeeded;
            // Each household saved is let go of: kept, every later save would look through all of them for changes, and
            // a file of 400 households took 24 s instead of 8 s, growing with the square of their number.
            db.ChangeTracker.Clear();
            if (result.Succeeded)
            {
                imported.Add((result.Household!.Id, result.Household.Name, result.Household.Members.Count));
                continue;
            }

            errors.AddRange(result.Errors.SelectMany(e => e.Value.Select(m => new CsvRowError(ArrivalCsv.RowOf(household, e.Key), m))));
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return errors;
        }

        await transaction.CommitAsync();
        Imported = imported;
        return errors;
    }
}
