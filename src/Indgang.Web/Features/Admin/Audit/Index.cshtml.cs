using System.Text;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Admin.Audit;

public sealed class IndexModel(AuditSearch search, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? PersonId { get; set; }

    public Guid? Subject { get; private set; }
    public IReadOnlyList<AuditRow>? Rows { get; private set; }

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(PersonId))
        {
            return;
        }

        if (!Guid.TryParse(PersonId.Trim(), out var personId))
        {
            ModelState.AddModelError(nameof(PersonId), "Angiv borgerens id som det står i sagen (fx 3f2b…-…).");
            return;
        }

        Subject = personId;
        Rows = await search.ForPersonAsync(personId);
        await audit.RecordAsync(AuditAction.AuditLogSearched, personId, "Indsigt i opslag (revisionslog)");
    }

    public async Task<IActionResult> OnGetExportAsync(Guid personId, string format = "csv")
    {
        var rows = await search.ForPersonAsync(personId);
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        await audit.RecordAsync(AuditAction.AuditLogExported, personId, "Indsigt i opslag (eksport)", json ? "json" : "csv");
        var fileName = $"revisionslog-{personId:D}.{(json ? "json" : "csv")}";
        return json
            ? File(Encoding.UTF8.GetBytes(AuditSearch.ToJson(rows)), "application/json", fileName)
            : File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditSearch.ToCsv(rows))).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
