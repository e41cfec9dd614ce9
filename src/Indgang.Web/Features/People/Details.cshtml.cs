using Indgang.Domain.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.People;

public sealed class DetailsModel(PersonDirectory directory, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public Household? Household { get; private set; }
    public string? RevealedCpr { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostRevealCprAsync(Guid id)
    {
        RevealedCpr = await directory.RevealCprAsync(User, id);
        return await LoadAsync(id);
    }

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        var read = await directory.ReadAsync(User, id, "Sagsbehandling: visning af borger");
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        Person = read.Person!;
        Household = read.Household;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        return Page();
    }
}
