using System.Security.Claims;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Reception;

/// <summary>The coordinator registers an expected household from Udlændingestyrelsen's notice (REC-1).</summary>
public sealed class RegisterModel(ArrivalRegistration registration) : PageModel, IMemberForm
{
    private const int MaxRows = Household.MostMembers;

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public bool ShowDuplicateConfirmation { get; private set; }

    public string? MemberLegend => null;

    public string? RelationTo => null;

    public bool AsksRelation(int index) => index > 0;

    public void OnGet()
    {
        Input.Members = Enumerable.Range(0, 4).Select(_ => new MemberInput()).ToList();
        Input.SubmissionToken = Guid.NewGuid();
    }

    public IActionResult OnPostAddRows()
    {
        ModelState.Clear();
        Input.Members.AddRange(Enumerable.Range(0, Math.Clamp(MaxRows - Input.Members.Count, 0, 2)).Select(_ => new MemberInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Not a whole number: said as for a number out of range, beside the field with what was typed.
        if (ModelState[$"{nameof(Input)}.{nameof(RegisterInput.FamilyToJoin)}"] is { Errors.Count: > 0 } notANumber)
        {
            notANumber.Errors.Clear();
            notANumber.Errors.Add(ArrivalValidator.FamilyToJoinOutOfRange);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new ArrivalRequest(Input.HouseholdName, Input.VisitationDecisionDate, Input.ExpectedArrival, Input.Members.Select(m => m.ToMember()).ToList(), Input.ConfirmDuplicates, Input.LivesWithReferencePerson, Input.FamilyToJoin ?? 0);
        var result = await registration.RegisterAsync(request, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Input.SubmissionToken);
        if (result.KeyUsedForAnother)
        {
            // The form sent again with other members (back in the browser's history, another family typed): a new
            // registration, with a new token kept by the form from here on.
            ModelState.Remove($"{nameof(Input)}.{nameof(RegisterInput.SubmissionToken)}");
            Input.SubmissionToken = Guid.NewGuid();
            result = await registration.RegisterAsync(request, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Input.SubmissionToken);
        }

        if ((result.Household?.Id ?? result.RegisteredBefore) is { } registered)
        {
            // A second click (or "Opret alligevel" clicked twice) is led to the household the first created.
            return Redirect($"/Households/{registered}?registered=true");
        }

        foreach (var (key, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(key.Length == 0 ? "" : $"Input.{MapIndex(key, request)}", message);
            }
        }

        ShowDuplicateConfirmation = result.HasPossibleDuplicates;
        return Page();
    }

    // Blank rows are dropped before validation, so error indexes count non-blank rows; map them back to the form's rows.
    private string MapIndex(string key, ArrivalRequest request)
    {
        // "No members at all" belongs to the form's first row, so the error summary's link has a field to go to.
        if (key == "Members")
        {
            return "Members[0].FirstName";
        }

        if (!key.StartsWith("Members[", StringComparison.Ordinal))
        {
            return key;
        }

        var close = key.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(key[8..close], System.Globalization.CultureInfo.InvariantCulture);
        var formRows = Input.Members.Select((m, i) => (m, i)).Where(x => !ArrivalValidator.IsBlank(x.m.ToMember())).Select(x => x.i).ToList();
        return index < formRows.Count ? $"Members[{formRows[index]}]{key[(close + 1)..]}" : key;
    }

    public static IEnumerable<SelectListItem> GenderItems =>
        [new("Vælg", ""), new("Kvinde", nameof(Gender.Female)), new("Mand", nameof(Gender.Male)), new("Ukendt", nameof(Gender.Unknown))];

    public static IEnumerable<SelectListItem> BasisItems =>
        Enum.GetValues<ResidenceBasis>().Select(b => new SelectListItem(DeadlineTexts.Basis(b), b.ToString()));

    public static IEnumerable<SelectListItem> RelationItems =>
    [
        new("Ingen af disse", ""),
        new("Ægtefælle", nameof(RelationKind.Spouse)),
        new("Barn", nameof(RelationKind.Child)),
        new("Forælder", nameof(RelationKind.Parent)),
        new("Søskende", nameof(RelationKind.Sibling)),
        new("Værge", nameof(RelationKind.Custodian)),
    ];
}

public sealed class RegisterInput
{
    public string? HouseholdName { get; set; }
    public DateOnly? VisitationDecisionDate { get; set; }
    public DateOnly? ExpectedArrival { get; set; }
    public bool ConfirmDuplicates { get; set; }

    /// <summary>
    /// The form's submission token, made when it is first shown and kept while it goes back and forth: the registration
    /// sent twice with it creates one household (<see cref="ArrivalRegistration"/>).
    /// </summary>
    public Guid? SubmissionToken { get; set; }

    public List<MemberInput> Members { get; set; } = [];

    /// <summary>After the members: the form asks it below them, and the error summary follows the form's order.</summary>
    public bool LivesWithReferencePerson { get; set; }

    /// <summary>Family members to join the household by family reunification; blank is none.</summary>
    public int? FamilyToJoin { get; set; }
}

public sealed class MemberInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Gender? Gender { get; set; }
    public ResidenceBasis Basis { get; set; } = ResidenceBasis.VisitedRefugee;
    public RelationKind? RelationToFirst { get; set; }
    public string? Nationality { get; set; }
    public string? Languages { get; set; }
    public bool NeedsInterpreter { get; set; }
    public bool NeedsAccessibleHousing { get; set; }
    public bool HasMedicalFlag { get; set; }
    public string? Cpr { get; set; }

    public ArrivalMember ToMember() => new(FirstName, LastName, BirthDate, Gender ?? Domain.People.Gender.Unknown, Basis, Nationality, Languages, NeedsInterpreter, RelationToFirst, NeedsAccessibleHousing, HasMedicalFlag, Cpr);
}
