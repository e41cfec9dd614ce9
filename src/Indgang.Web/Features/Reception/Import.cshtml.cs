using System.Security.Claims;
using System.Text;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Reception;

/// <summary>Imports expected arrivals from a CSV file: errors per row, and nothing is saved unless every row is right.</summary>
public sealed class ImportModel(ArrivalRegistration registration, IndgangDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    private const long MaxBytes = 1024 * 1024;

    public const string TooLarge = "Filen er for stor (højst 1 MB).";

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

    /// <summary>
    /// The form's token, made when the page is shown and again after a file is imported; each household of the file is
    /// registered under a token made from it and the household's key in the file (<see cref="HouseholdToken"/>), so the
    /// same file sent again from the same form (the result page reloaded, the browser resending it) registers nothing twice
    /// and shows the households it registered the first time.
    /// </summary>
    [BindProperty]
    public Guid? SubmissionToken { get; set; }

    public IReadOnlyList<CsvRowError> RowErrors { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, int Members)> Imported { get; private set; } = [];
    public bool HasPossibleDuplicates { get; private set; }

    public void OnGet()
    {
        SubmissionToken = Guid.NewGuid();
        // A file larger than the server takes at all: the form was not read, and the page is shown as if asked for.
        if (RequestBodyLimit.WasExceeded(HttpContext))
        {
            ModelState.AddModelError(nameof(Upload), TooLarge);
        }
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ArrivalCsv.Template)).ToArray(), "text/csv; charset=utf-8", "ankomster-skabelon.csv");

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Vælg en CSV-fil." : CsvRows.EmptyFile);
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), TooLarge);
            return Page();
        }

        using var reader = await CsvRows.ReaderAsync(Upload.OpenReadStream(), HttpContext.RequestAborted);
        var (households, parseErrors) = ArrivalCsv.Parse(reader);
        var errors = new List<CsvRowError>(parseErrors);
        if (errors.Count > 0)
        {
            // Nothing is registered, so the registration's checks would not be read: read here, every row's errors are
            // listed in one round.
            errors.AddRange(ArrivalCsv.Check(households, clock.Today()));
            errors.AddRange(await TakenCprsAsync(households));
        }

        if (errors.Count == 0 && households.Count > MostHouseholds)
        {
            ModelState.AddModelError(nameof(Upload), T["Filen har {0:N0} husstande. Indlæs højst {1:N0} ad gangen: del filen i flere.", households.Count, MostHouseholds].Value);
            return Page();
        }

        if (errors.Count == 0)
        {
            errors.AddRange(await RegisterOnceAsync(households));
        }

        if (errors.Count > 0)
        {
            RowErrors = errors.OrderBy(e => e.Row).ToList();
            ModelState.AddModelError(nameof(Upload), T["Filen har {0} fejl. Intet er gemt. Ret rækkerne herunder, og indlæs filen igen.", RowErrors.Count].Value);
        }

        return Page();
    }

    /// <summary>
    /// The registration's check against those already registered (a CPR number that is another person's), made for a file
    /// not registered for its other errors: listed with them, so that every row's errors are listed in one round (a taken
    /// number was said only once the rest was put right).
    /// </summary>
    private async Task<List<CsvRowError>> TakenCprsAsync(IEnumerable<ParsedHousehold> households)
    {
        var errors = new List<CsvRowError>();
        foreach (var household in households)
        {
            var taken = new ArrivalErrors();
            await registration.AddTakenCprsAsync(household.Request.MembersGiven, taken, HttpContext.RequestAborted);
            errors.AddRange(ArrivalCsv.RowErrors(household, taken));
        }

        return errors;
    }

    /// <summary>
    /// The file registered all or nothing, once per form: tried again when the same file from the same form was being saved
    /// at the same moment (the second waits for the first, then finds its households), or with a new form token when the
    /// token has registered other households (an older form sent again with another file). Afterwards the form has a new
    /// token, so the next file chosen on the result page is a new import.
    /// </summary>
    private async Task<List<CsvRowError>> RegisterOnceAsync(List<ParsedHousehold> households)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (errors, tokenUsedForAnother) = await RegisterAllOrNothingAsync(households);
                if (tokenUsedForAnother && attempt == 1)
                {
                    SubmissionToken = Guid.NewGuid();
                    continue;
                }

                if (errors.Count == 0)
                {
                    ModelState.Remove(nameof(SubmissionToken));
                    SubmissionToken = Guid.NewGuid();
                }

                return errors;
            }
            catch (DbUpdateException exception) when (attempt == 1 && UniqueViolation.Is(exception))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(List<CsvRowError> Errors, bool TokenUsedForAnother)> RegisterAllOrNothingAsync(List<ParsedHousehold> households)
    {
        var errors = new List<CsvRowError>();
        var imported = new List<(Guid, string, int)>();
        var before = new List<Guid>();
        var coordinator = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var household in households)
        {
            var result = await registration.RegisterAsync(
                household.Request with { ConfirmPossibleDuplicates = ConfirmDuplicates }, coordinator, HouseholdToken(SubmissionToken, household.Key));
            HasPossibleDuplicates |= result.HasPossibleDuplicates && !result.Succeeded;
            // Each household saved is let go of: kept, every later save would look through all of them for changes, and
            // a file of 400 households took 24 s instead of 8 s, growing with the square of their number.
            db.ChangeTracker.Clear();
            if (result.KeyUsedForAnother)
            {
                await transaction.RollbackAsync();
                return ([], true);
            }

            if (result.RegisteredBefore is { } registered)
            {
                before.Add(registered);
                continue;
            }

            if (result.Succeeded)
            {
                imported.Add((result.Household!.Id, result.Household.Name, result.Household.Members.Count));
                continue;
            }

            errors.AddRange(ArrivalCsv.RowErrors(household, result.Errors));
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync();
            return (errors, false);
        }

        await transaction.CommitAsync();
        // Registered by this file sent before (all of it, as it is registered all or nothing): shown again as the first time.
        var earlier = await db.Households.AsNoTracking().Where(h => before.Contains(h.Id))
            .Select(h => new { h.Id, h.Name, Members = h.Members.Count }).ToDictionaryAsync(h => h.Id);
        Imported = [.. before.Select(id => (id, earlier[id].Name, earlier[id].Members)), .. imported];
        return (errors, false);
    }

    /// <summary>
    /// A household's token: made from the form's token and the household's key in the file (the same for the same file
    /// sent again); none without a form token (a form from before there was one).
    /// </summary>
    public static Guid? HouseholdToken(Guid? formToken, string householdKey)
    {
        if (formToken is not { } token)
        {
            return null;
        }

        var hash = System.Security.Cryptography.SHA256.HashData([.. token.ToByteArray(), .. Encoding.UTF8.GetBytes(householdKey)]);
        return new Guid(hash.AsSpan(0, 16));
    }
}
