using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>
/// The coordinator keeps the relations between the household's members: at registration each member is related to the
/// first only, so a couple or a parent among the others (a grandmother who came with her son, his wife and their
/// children) is recorded here, and a relation typed wrongly is removed. Who are spouses decides the household's rent
/// cap (<see cref="Domain.Housing.RentCap.CategoryOf(Household, DateOnly)"/>). Each change is logged for both members; of two coordinators
/// relating the same two members at the same moment, the second is told they are related.
/// </summary>
public sealed class RelationsModel(PersonDirectory directory, IndgangDbContext db, AuditLog audit, TimeProvider clock) : CaseOwnerPage(directory)
{
    private static readonly AuditPurpose Purpose = AuditPurpose.Relations;

    public const string ChooseMember = "Vælg et medlem af husstanden.";
    public const string ChooseKind = "Vælg, hvordan de to er i familie.";
    public const string SamePerson = "Vælg to forskellige medlemmer.";
    public const string AlreadyRelated = "De to medlemmer har allerede en relation. Fjern den først, hvis den er forkert.";
    public const string RelationGone = "Relationen findes ikke længere. Siden viser relationerne, som de er gemt nu.";

    [BindProperty]
    public RelationInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> MemberItems =>
        Household.Members.OrderBy(m => m.BirthDate).Select(m => new SelectListItem(m.FullName, m.Id.ToString()))
            .Prepend(new SelectListItem("Vælg", ""));

    public static IEnumerable<SelectListItem> KindItems =>
    [
        new("Vælg", ""),
        new(RelationText.Of(RelationKind.Spouse), nameof(RelationKind.Spouse)),
        new(RelationText.Of(RelationKind.Parent), nameof(RelationKind.Parent)),
        new(RelationText.Of(RelationKind.Child), nameof(RelationKind.Child)),
        new(RelationText.Of(RelationKind.Sibling), nameof(RelationKind.Sibling)),
        new(RelationText.Of(RelationKind.Custodian), nameof(RelationKind.Custodian)),
    ];

    /// <summary>The page names every member.</summary>
    private static IEnumerable<Guid> AllMembers(Household household) => household.Members.Select(m => m.Id);

    public string NameOf(Guid personId) => Household.Members.FirstOrDefault(m => m.Id == personId)?.FullName ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadHouseholdAsync(id, Purpose, AllMembers) ?? Page();

    public Task<IActionResult> OnPostAddAsync(Guid id) =>
        db.UntilAnsweredAsync(() => TryAddAsync(id), async () => await LoadHouseholdAsync(id, Purpose, AllMembers) ?? Refused("", EditConflictText));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid relationId) =>
        db.UntilAnsweredAsync(() => TryRemoveAsync(id, relationId), async () => await LoadHouseholdAsync(id, Purpose, AllMembers) ?? Refused("", EditConflictText));

    private const string EditConflictText = "Husstanden blev ændret af en anden i samme øjeblik. Prøv igen.";

    /// <summary>The relation saved and logged, or what to show instead; null when another's save came first, to be tried again.</summary>
    private async Task<IActionResult?> TryAddAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, Purpose, AllMembers) is { } refused)
        {
            return refused;
        }

        var from = Household.Members.FirstOrDefault(m => m.Id == Input.FromPersonId);
        var to = Household.Members.FirstOrDefault(m => m.Id == Input.ToPersonId);
        ModelState.Clear();
        if (from is null)
        {
            ModelState.AddModelError("Input.FromPersonId", ChooseMember);
        }

        if (Input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", ChooseKind);
            kind = default;
        }

        if (to is null)
        {
            ModelState.AddModelError("Input.ToPersonId", ChooseMember);
        }
        else if (from is not null && from.Id == to.Id)
        {
            ModelState.AddModelError("Input.ToPersonId", SamePerson);
        }
        else if (from is not null && Household.RelationBetween(from.Id, to.Id) is not null)
        {
            ModelState.AddModelError("Input.ToPersonId", AlreadyRelated);
        }
        else if (from is not null && RelationAges.Refusal(kind, from.BirthDate, to.BirthDate, clock.Today()) is { } agesDoNotFit)
        {
            ModelState.AddModelError("Input.Kind", agesDoNotFit);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var household = await TrackedAsync(id);
        if (household.RelationBetween(from!.Id, to!.Id) is not null)
        {
            // Related by another since the check: read and checked again, so the user is told.
            return null;
        }

        var (first, second) = (household.Members.First(m => m.Id == from.Id), household.Members.First(m => m.Id == to.Id));
        // Stored the way the household reads it: a child is stored as its parent's relation to it.
        if (kind == RelationKind.Child)
        {
            household.Relate(second, RelationKind.Parent, first);
        }
        else
        {
            household.Relate(first, kind, second);
        }

        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return null;
        }

        await LogAsync(id, first, second, $": {first.FullName} {RelationText.Of(kind)} {second.FullName}");
        return Redirect($"/Households/{id}/Relations");
    }

    private async Task<IActionResult?> TryRemoveAsync(Guid id, Guid relationId)
    {
        if (await LoadHouseholdAsync(id, Purpose, AllMembers) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (Household.Relations.FirstOrDefault(r => r.Id == relationId) is not { } shown)
        {
            return Refused("", RelationGone);
        }

        var household = await TrackedAsync(id);
        if (!household.Unrelate(relationId) || !await db.SaveUnlessSavedByOtherAsync())
        {
            return null;
        }

        var (first, second) = (household.Members.First(m => m.Id == shown.FromPersonId), household.Members.First(m => m.Id == shown.ToPersonId));
        await LogAsync(id, first, second, $": fjernet »{first.FullName} {RelationText.Of(shown.Kind)} {second.FullName}«");
        return Redirect($"/Households/{id}/Relations");
    }

    /// <summary>The household to change, saved only over the version the checks were made on.</summary>
    private async Task<Household> TrackedAsync(Guid id)
    {
        var household = await db.Households.Include(h => h.Members).Include(h => h.Relations).FirstAsync(h => h.Id == id);
        db.Entry(household).Property(h => h.Version).OriginalValue = Household.Version;
        return household;
    }

    private Task LogAsync(Guid id, Person first, Person second, string change)
    {
        var details = AuditLog.Household(id, change);
        return audit.RecordEachAsync(AuditAction.RelationChanged, [((Guid?)first.Id, (string?)details), ((Guid?)second.Id, (string?)details)], Purpose);
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return Page();
    }
}

/// <summary>"<see cref="FromPersonId"/> <see cref="Kind"/> <see cref="ToPersonId"/>", as the relation reads.</summary>
public sealed class RelationInput
{
    public Guid? FromPersonId { get; set; }
    public RelationKind? Kind { get; set; }
    public Guid? ToPersonId { get; set; }
}
