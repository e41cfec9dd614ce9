using System.Security.Claims;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Households;

/// <summary>
/// The coordinator records whether the household will live with the person its members joined by family reunification,
/// so that the municipality finds it no home (integrationsloven § 12, <see cref="HousingDuty"/>): it then leaves the
/// waiting list for housing and the capacity forecast, and its still open tasks of a home (lease, keys, house rules,
/// defects list) are closed as not needed; unticked, the tasks it lacks are created again. Only a household whose members
/// are all family-reunified, and not while one of our units is its home or will be. The change is logged for each member.
/// </summary>
public sealed class HousingDutyModel(PersonDirectory directory, IndgangDbContext db, ChecklistTaskFactory tasks, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : CaseOwnerPage(directory)
{
    private static readonly AuditPurpose Purpose = AuditPurpose.HousingDuty;

    [BindProperty]
    public bool LivesWithReferencePerson { get; set; }

    /// <summary>
    /// The version of the choice the form showed (<see cref="ShownVersion"/>): a change by someone else to anything else
    /// of the household does not stop the save, but it is checked again. Not a Guid counts as stale.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>Every member is family-reunified: only then may the household live with the person it joined.</summary>
    public bool AllFamilyReunified => HousingDuty.MayLiveWithReferencePerson(Household.Members.Select(m => m.Basis));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, Purpose) is { } refused)
        {
            return refused;
        }

        LivesWithReferencePerson = Household.LivesWithReferencePerson;
        Version = Shown(Household);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id) =>
        db.UntilAnsweredAsync(() => TrySaveAsync(id), async () => await LoadHouseholdAsync(id, Purpose) ?? SavedByOther(Household));

    /// <summary>The choice saved and logged, or what to show instead; null when the save was refused and may be tried again.</summary>
    private async Task<IActionResult?> TrySaveAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, Purpose) is { } refused)
        {
            return refused;
        }

        ModelState.Remove(nameof(Version));
        if (LivesWithReferencePerson == Household.LivesWithReferencePerson)
        {
            return Redirect($"/Households/{id}");
        }

        // Another's choice since the form was opened is not silently replaced.
        if (Shown(Household) != Version)
        {
            return SavedByOther(Household);
        }

        if (LivesWithReferencePerson && await RefusalAsync(id) is { } refusal)
        {
            ModelState.AddModelError(nameof(LivesWithReferencePerson), refusal);
            return Page();
        }

        if (await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id) is not { } household)
        {
            return NotFound();
        }

        // Saved over the household as read for the checks above: a change by another since then (a member added who is
        // not family-reunified, say) refuses the save, and the household is read and checked again.
        db.Entry(household).Property(h => h.Version).OriginalValue = Household.Version;
        household.SetLivesWithReferencePerson(LivesWithReferencePerson);
        string taskChange;
        if (LivesWithReferencePerson)
        {
            var closed = await tasks.CloseHomeTasksAsync(household, User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted);
            taskChange = $"{closed} opgaver lukket";
        }
        else
        {
            var (ownerless, added) = await tasks.AddHomeTasksAsync(household, clock.Today(), HttpContext.RequestAborted);
            if (ownerless.Count > 0)
            {
                ModelState.AddModelError("", ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
                return Page();
            }

            taskChange = $"{added} opgaver oprettet";
        }

        // A department that took or closed one of the tasks at the same moment refuses the save too: read again.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return null;
        }

        var details = AuditLog.Household(id, $": bor hos den herboende {YesNo(!LivesWithReferencePerson)} → {YesNo(LivesWithReferencePerson)}, {taskChange}");
        await audit.RecordEachAsync(AuditAction.LivesWithReferencePersonChanged, household.Members.Select(m => ((Guid?)m.Id, (string?)details)), Purpose);
        return Redirect($"/Households/{id}");
    }

    /// <summary>
    /// Why the household cannot be without a home from us: a member who is not family-reunified, a home of ours, or a
    /// permanent home it has accepted through us.
    /// </summary>
    private async Task<string?> RefusalAsync(Guid id)
    {
        if (!AllFamilyReunified)
        {
            return ArrivalValidator.NotAllFamilyReunified;
        }

        var today = clock.Today();
        var home = await (from o in db.Occupancies.HomeOn(today)
                          join u in db.HousingUnits on o.UnitId equals u.Id
                          where o.HouseholdId == id
                          orderby o.MovedInOn
                          select new { u.Label, o.MovedInOn }).FirstOrDefaultAsync();
        if (home is null)
        {
            // A home accepted through the pipeline is a permanent home through us: it is not given up by this choice.
            var accepted = await db.HousingOffers.Where(o => o.HouseholdId == id && o.Status == OfferStatus.Accepted).Select(o => o.Address).FirstOrDefaultAsync();
            return accepted is null ? null : T["Husstanden har takket ja til en permanent bolig gennem kommunen: {0}.", accepted].Value;
        }

        return home switch
        {
            _ when home.MovedInOn > today =>
                T["Husstanden skal flytte ind i {0} {1:d. MMMM yyyy}. Fortryd indflytningen på boligens side først.", home.Label, home.MovedInOn],
            _ => T["Husstanden bor i {0}. Registrér fraflytningen på boligens side først.", home.Label],
        };
    }

    private static string YesNo(bool value) => value ? "ja" : "nej";

    private static Guid Shown(Domain.People.Household household) => ShownVersion.Of(new { household.LivesWithReferencePerson });

    /// <summary>
    /// Someone else changed the choice since the form was opened: what is saved now shows beside the box, and the form
    /// gets its version, so that pressing Gem again saves this choice over it (checked again).
    /// </summary>
    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult SavedByOther(Domain.People.Household saved)
    {
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved),
            "Husstanden er ændret af en anden, mens du rettede det. Det, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme dit valg.",
            values => values.Field(nameof(LivesWithReferencePerson), LivesWithReferencePerson, saved.LivesWithReferencePerson));
        return Page();
    }
}
