using Indgang.Domain;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.People;

/// <summary>
/// The coordinator corrects a birth date typed wrong at registration (»Ret fødselsdato« on the person's page), for a
/// person without a CPR number: with one, the birth date follows the number and is corrected on the CPR page. The date
/// decides who is a child and the deadlines counted from the 18th birthday, so it is checked as registration checks it
/// and against the household as it is (an unaccompanied minor under 18, a parent no younger than their child, not after a
/// day 0 set by hand). The checklist tasks follow it (<see cref="CorrectionTasks"/>): the open ones move to the dates it
/// gives now, and when it makes another task list (an adult at arrival now a child, or the other way, and with it the
/// household's type) those it gives now are made and those it no longer gives closed as not needed; the log says how
/// many of each. Of two coordinators correcting it, the second is shown the first's date (<see cref="EditConflict"/>).
/// </summary>
public sealed class BirthDateModel(
    PersonDirectory directory, IndgangDbContext db, CorrectionTasks corrections, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> texts)
    : ChecklistCorrectionPage(directory, db, corrections, audit, clock, texts)
{
    public const string FollowsCpr = "Fødselsdatoen følger CPR-nummeret og kan ikke rettes her. Er den forkert, så ret CPR-nummeret.";

    public const string AfterDay0 = "Fødselsdatoen kan ikke ligge efter personens dag 0. Ret dag 0 først, hvis den også er forkert.";

    public const string SavedByOtherMessage =
        "Fødselsdatoen er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme din rettelse i stedet.";

    protected override Said NoLongerApplies { get; } = new("Fødselsdatoen er rettet, så opgaven gælder ikke længere.");

    protected override Said Corrected { get; } = new("en fødselsdato er rettet");

    [BindProperty]
    public DateOnly? BirthDate { get; set; }

    protected override void Show(Person person) => BirthDate = person.BirthDate;

    /// <summary>With a CPR number, the birth date follows the number (<see cref="Person.AssignCpr"/>).</summary>
    protected override string? Refusal(Person person) => person.Cpr is not null ? FollowsCpr : null;

    protected override bool IsSaved(Person person) => BirthDate == person.BirthDate;

    protected override string Correct(Person person, Household? household)
    {
        person.CorrectBirthDate(BirthDate!.Value);
        return "fødselsdato";
    }

    /// <summary>
    /// The date checked beside the field as registration checks it (<see cref="ArrivalValidator.BirthDateRefusal"/>), and
    /// against the household as it is saved now.
    /// </summary>
    protected override void Validate(Person person, Household? household)
    {
        if (ModelState[nameof(BirthDate)] is { Errors.Count: > 0 } unreadable)
        {
            // A text that is no date (a month 13): said once, as the arrival page says it, not also as missing.
            unreadable.Errors.Clear();
            unreadable.Errors.Add(ArrivalValidator.InvalidDate);
        }
        else if (ArrivalValidator.BirthDateRefusal(BirthDate, Clock.Today()) is { } refusal)
        {
            ModelState.AddModelError(nameof(BirthDate), refusal);
        }
        else if (household is not null && HouseholdRefusal(BirthDate!.Value, person, household) is { } wrong)
        {
            ModelState.AddModelError(nameof(BirthDate), wrong);
        }
        else if (BirthDate > person.Day0Override)
        {
            ModelState.AddModelError(nameof(BirthDate), AfterDay0);
        }
    }

    /// <summary>
    /// Why the household would be no household registration accepts with the person born on <paramref name="birth"/>: an
    /// unaccompanied minor 18 when registered (or when they joined), a parent younger than their child.
    /// </summary>
    private string? HouseholdRefusal(DateOnly birth, Person person, Household household)
    {
        if (person.Basis == ResidenceBasis.UnaccompaniedMinor && Age.IsAdultOn(birth, RegisteredOn(person, household)))
        {
            return ArrivalValidator.UnaccompaniedMinorAdult;
        }

        foreach (var relation in household.Relations.Where(r => r.Kind == RelationKind.Parent))
        {
            if (relation.FromPersonId == person.Id && household.Members.FirstOrDefault(m => m.Id == relation.ToPersonId) is { } child && birth > child.BirthDate)
            {
                return T["En forælder kan ikke være yngre end sit barn: {0} er født {1:d. MMMM yyyy}.", child.FullName, child.BirthDate].Value;
            }

            if (relation.ToPersonId == person.Id && household.Members.FirstOrDefault(m => m.Id == relation.FromPersonId) is { } parent && birth < parent.BirthDate)
            {
                return T["Et barn kan ikke være ældre end sin forælder: {0} er født {1:d. MMMM yyyy}.", parent.FullName, parent.BirthDate].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Someone else corrected the birth date since the form was opened: what is saved now shows beside the field, and the
    /// form gets its version, so that pressing Gem again saves this correction.
    /// </summary>
    protected override PageResult SavedByOther(Person saved)
    {
        Person = saved;
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved), SavedByOtherMessage, values => values.Field(nameof(BirthDate), BirthDate, saved.BirthDate));
        return Page();
    }

    protected override Guid Shown(Person person) => ShownVersion.Of(new { person.BirthDate });
}
