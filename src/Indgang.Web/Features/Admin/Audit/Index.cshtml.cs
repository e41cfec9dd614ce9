using System.Globalization;
using System.Text;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Platform.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Indgang.Web.Features.Admin.Audit;

public sealed class IndexModel(AuditSearch search, AuditLog audit) : PageModel
{
    /// <summary>
    /// How many entries a page of the table shows: a citizen who has been a case for a year has thousands (every list
    /// that showed them is a read). The export is never paged: it is the whole insight.
    /// </summary>
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? PersonId { get; set; }

    /// <summary>The page of the table asked for, as it came in the address (<see cref="Pagination.Of"/> reads it).</summary>
    [BindProperty(SupportsGet = true, Name = "Side")]
    public string? RequestedPage { get; set; }

    /// <summary>
    /// The citizen to find, as the insight request names them: a CPR number, or the id from their case. Posted, so that a
    /// CPR number never stands in an address (browser history, logs); the page then shows the log by id.
    /// </summary>
    [BindProperty]
    public string? Citizen { get; set; }

    public Guid? Subject { get; private set; }
    /// <summary>The page's entries; null before a citizen is searched for.</summary>
    public IReadOnlyList<AuditRow>? Rows { get; private set; }

    /// <summary>Which page of the citizen's entries is shown, and how many there are in all.</summary>
    public Pagination Pages { get; private set; } = Pagination.Of(null, PageSize, 0);

    /// <summary>A page of the citizen's entries: the citizen kept.</summary>
    public string AddressOf(int page) => QueryHelpers.AddQueryString("/Admin/Audit", new Dictionary<string, string?>
    {
        [nameof(PersonId)] = Subject?.ToString("D"),
        ["Side"] = page.ToString(CultureInfo.InvariantCulture),
    });

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(PersonId))
        {
            return;
        }

        // The address's id, in the search field: what was searched for, or what to put right.
        Citizen = PersonId.Trim();
        if (!Guid.TryParse(Citizen, out var personId))
        {
            ModelState.AddModelError(nameof(Citizen), "Angiv borgerens id som det står i sagen (fx 3f2b…-…).");
            return;
        }

        Subject = personId;
        var shown = await search.PageForPersonAsync(personId, RequestedPage, PageSize, HttpContext.RequestAborted);
        (Rows, Pages) = (shown.Rows, shown.Pages);
        await audit.RecordAsync(AuditAction.AuditLogSearched, personId, AuditPurpose.AuditInsight);
    }

    public async Task<IActionResult> OnPostFindAsync()
    {
        var typed = Citizen?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            ModelState.AddModelError(nameof(Citizen), "Angiv borgerens CPR-nummer eller id.");
            return Page();
        }

        if (Guid.TryParse(typed, out var id))
        {
            return Redirect($"/Admin/Audit?PersonId={id:D}");
        }

        if (!CprNumber.TryParse(typed, out var cpr, out _))
        {
            ModelState.AddModelError(nameof(Citizen), "Angiv CPR-nummeret som ddmmåå-xxxx, eller borgerens id fra sagen.");
            return Page();
        }

        var found = await search.PersonsWithCprAsync(cpr, HttpContext.RequestAborted);
        if (found.Count != 1)
        {
            // A search that finds nobody to show (or more than one) is logged too, without the number: who looked, and when.
            await audit.RecordAsync(AuditAction.AuditLogSearched, null, AuditPurpose.AuditInsightByCpr,
                found.Count == 0 ? "ingen borger fundet" : $"{found.Count} borgere fundet");
        }

        switch (found.Count)
        {
            case 1:
                return Redirect($"/Admin/Audit?PersonId={found[0]:D}");
            case 0:
                ModelState.AddModelError(nameof(Citizen), "Der er ingen borger med det CPR-nummer.");
                return Page();
            default:
                ModelState.AddModelError(nameof(Citizen), "Flere borgere har det CPR-nummer. Søg på borgerens id fra sagen.");
                return Page();
        }
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery(Name = "personId")] string? person, string format = "csv")
    {
        // An id that is no id (an address typed or cut short) exports nothing and logs no export: the search page says
        // what to put right, with what was asked for in its field.
        if (!Guid.TryParse(person?.Trim(), out var personId) || personId == Guid.Empty)
        {
            return Redirect(QueryHelpers.AddQueryString("/Admin/Audit", nameof(PersonId), person ?? ""));
        }

        var rows = await search.ForPersonAsync(personId);
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        await audit.RecordAsync(AuditAction.AuditLogExported, personId, AuditPurpose.AuditExport, json ? "json" : "csv");
        var fileName = $"revisionslog-{personId:D}.{(json ? "json" : "csv")}";
        return json
            ? File(Encoding.UTF8.GetBytes(AuditSearch.ToJson(rows)), "application/json", fileName)
            : File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditSearch.ToCsv(rows))).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
