using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>
/// A household waiting for a home, by its arrival (<see cref="ArrivalDay"/>): the day it came when
/// <paramref name="HasArrived"/>, else the day it is expected.
/// </summary>
public sealed record WaitingRow(Guid Id, string Name, int Persons, DateOnly? Arrival, bool HasArrived, int FamilyToJoin);

/// <summary>
/// The housing coordinator picks the waiting households and a planning date and runs the optimizer; below, the earlier
/// runs to open again.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, PlacementRunner runner, PlacementRunHistory history, AuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<WaitingRow> Waiting { get; private set; } = [];

    public PlacementRunList History { get; private set; } = new([], 0);

    [BindProperty]
    public List<Guid> Households { get; set; } = [];

    [BindProperty]
    public DateOnly? PlanningDate { get; set; }

    /// <summary>
    /// Every waiting household ticked; from a household's case (<paramref name="household"/>), only that one, if it still
    /// waits.
    /// </summary>
    public async Task OnGetAsync(Guid? household)
    {
        PlanningDate = clock.Today();
        await LoadAsync();
        Households = Waiting.Any(w => w.Id == household) ? [household!.Value] : Waiting.Select(w => w.Id).ToList();
        await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var waiting = Waiting.Select(w => w.Id).ToHashSet();
        if (Households.Count == 0 || !Households.All(waiting.Contains))
        {
            ModelState.AddModelError(nameof(Households), "Vælg mindst én husstand, der venter på en bolig.");
        }

        var today = clock.Today();
        if (PlanningDate is null)
        {
            ModelState.AddModelError(nameof(PlanningDate), "Angiv planlægningsdatoen.");
        }
        else if (PlanningDate < today || PlanningDate > today.AddYears(1))
        {
            // Accepting a suggestion moves the household in on this date and gives the departments their tasks from it.
            ModelState.AddModelError(nameof(PlanningDate), "Planlægningsdatoen skal ligge fra i dag og højst et år frem.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync();
        }

        try
        {
            var runId = await runner.RunAsync(new PlacementAsk(Households, PlanningDate!.Value, [], [], null), User.Identity!.Name!, HttpContext.RequestAborted);
            return Redirect($"/Housing/Placement/{runId}");
        }
        catch (PlacementFailedException)
        {
            ModelState.AddModelError("", PlacementFailedException.UserMessage);
            return await ShowAsync();
        }
    }

    /// <summary>The page as shown: the waiting households it names are read (audited), and the earlier runs listed.</summary>
    private async Task<IActionResult> ShowAsync()
    {
        await audit.RecordReadsAsync(AuditPurpose.PlacementWaiting, households: Waiting.Select(w => w.Id), cancellationToken: HttpContext.RequestAborted);
        History = await history.NewestAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync()
    {
        Waiting = await WaitingForHousing.On(db, clock.Today()).AsNoTracking().WithArrivalDay()
            .OrderBy(a => a.On).ThenBy(a => a.Household.Name)
            .Select(a => new WaitingRow(a.Household.Id, a.Household.Name, a.Household.Members.Count, a.On, a.Household.ArrivedOn != null, a.Household.FamilyToJoin))
            .ToListAsync();
    }
}
