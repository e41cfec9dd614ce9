using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Households;
using Indgang.Web.Platform;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Reception;

/// <summary>The rules an arrival must meet before anything is saved. Messages are Danish, shown beside the field.</summary>
internal static class ArrivalValidator
{
    /// <summary>Said when a registration has more than <see cref="Household.MostMembers"/> members.</summary>
    public static readonly string TooManyMembers = $"En husstand kan højst registreres med {Household.MostMembers} medlemmer. Tilføj flere på husstandens side bagefter.";

    public const string ExpectedArrivalMissing = "Angiv forventet ankomstdato.";
    public const string ArrivalBeforeVisitation = "Ankomstdatoen kan ikke ligge før visitationsafgørelsen.";
    public const string ArrivedInTheFuture = "Ankomstdatoen kan ikke ligge i fremtiden. Er husstanden ikke kommet endnu, så ret den forventede ankomst.";
    public const string InvalidDate = "Angiv en gyldig dato.";

    /// <summary>The family members to join the household by family reunification (<see cref="Household.FamilyToJoin"/>).</summary>
    public static readonly string FamilyToJoinOutOfRange =
        $"Antal familiemedlemmer, der ventes ved familiesammenføring, skal være et helt tal fra 0 til {Household.MostFamilyToJoin}.";

    /// <summary>A date typed so far ahead that the deadlines counted from it would reach past the calendar (a mistyped year).</summary>
    public static readonly string TooFarAhead = PlanningHorizon.TooFarAhead;

    public const string UnknownGender = "Vælg køn fra listen.";
    public const string UnknownRelation = "Vælg relationen fra listen.";

    /// <summary>An unaccompanied minor (<see cref="ResidenceBasis.UnaccompaniedMinor"/>) is under 18 when registered.</summary>
    public const string UnaccompaniedMinorAdult = "Et uledsaget mindreårigt barn skal være under 18 år.";

    /// <summary>Text longer than its column (<see cref="Person"/>, <see cref="Household"/>): PostgreSQL would refuse to save it.</summary>
    public static readonly string HouseholdNameTooLong = $"Husstandens navn må højst være {Household.NameLength} tegn.";

    /// <summary>The household's name made of the first member's names, when none is typed, would be longer than its column.</summary>
    public static readonly string MadeHouseholdNameTooLong =
        $"Husstandens navn dannes af det første medlems navne og bliver over {Household.NameLength} tegn. Skriv et kortere navn til husstanden.";

    public static readonly string FirstNameTooLong = $"Fornavnet må højst være {Person.NameLength} tegn.";
    public static readonly string LastNameTooLong = $"Efternavnet må højst være {Person.NameLength} tegn.";
    public static readonly string NationalityTooLong = $"Statsborgerskabet må højst være {Person.NationalityLength} tegn.";
    public static readonly string LanguagesTooLong = $"Sprogene må højst være {Person.LanguagesLength} tegn.";

    /// <summary>Only family-reunified persons can live with the person they joined instead of in a home from us.</summary>
    public const string NotAllFamilyReunified =
        "Kun en husstand, hvor alle er familiesammenførte, kan bo hos den herboende uden en bolig fra kommunen.";

    /// <summary>
    /// A member who is not family-reunified cannot be in a household that lives with the person it joined: neither one who
    /// joins it later nor one whose residence basis is corrected.
    /// </summary>
    public const string JoinsWithoutHome =
        "Husstanden bor hos den herboende uden en bolig fra kommunen, og det kan kun familiesammenførte. Skal kommunen anvise husstanden en bolig, så ret det under »Bolig fra kommunen« på husstandens side først.";

    public static ArrivalErrors Validate(ArrivalRequest request, DateOnly today)
    {
        var errors = new ArrivalErrors();
        if (request.ExpectedArrival is not { } expected)
        {
            errors.Add(nameof(ArrivalRequest.ExpectedArrival), ExpectedArrivalMissing);
        }
        else if (PlanningHorizon.IsBeyond(expected, today))
        {
            errors.Add(nameof(ArrivalRequest.ExpectedArrival), TooFarAhead);
        }
        else if (PlanningHorizon.IsBeforeEarliest(expected))
        {
            errors.Add(nameof(ArrivalRequest.ExpectedArrival), PlanningHorizon.TooFarBack);
        }

        if (request.HouseholdName?.Trim().Length > Household.NameLength)
        {
            errors.Add(nameof(ArrivalRequest.HouseholdName), HouseholdNameTooLong);
        }
        else if (ControlCharacters.In(request.HouseholdName))
        {
            errors.Add(nameof(ArrivalRequest.HouseholdName), ControlCharacters.Refused);
        }

        if (request.Members.Count == 0 || request.Members.All(IsBlank))
        {
            errors.Add("Members", "Angiv mindst ét medlem af husstanden.");
            return errors;
        }

        if (request.Members.Count(m => !IsBlank(m)) > Household.MostMembers)
        {
            errors.Add("Members", TooManyMembers);
            return errors;
        }

        var needsVisitation = request.Members.Any(m => m.Basis is ResidenceBasis.VisitedRefugee or ResidenceBasis.UnaccompaniedMinor);
        if (needsVisitation && request.VisitationDecisionDate is null)
        {
            errors.Add(nameof(ArrivalRequest.VisitationDecisionDate), "Angiv datoen for visitationsafgørelsen (den står i Udlændingestyrelsens meddelelse).");
        }

        if (request.VisitationDecisionDate > today)
        {
            errors.Add(nameof(ArrivalRequest.VisitationDecisionDate), "Visitationsafgørelsen kan ikke ligge i fremtiden.");
        }
        else if (request.VisitationDecisionDate is { } decision && PlanningHorizon.IsBeforeEarliest(decision))
        {
            errors.Add(nameof(ArrivalRequest.VisitationDecisionDate), PlanningHorizon.TooFarBack);
        }

        if (request.VisitationDecisionDate is { } decided && request.ExpectedArrival is { } arrival && arrival < decided)
        {
            errors.Add(nameof(ArrivalRequest.ExpectedArrival), ArrivalBeforeVisitation);
        }

        for (var i = 0; i < request.Members.Count; i++)
        {
            ValidateMember(request.Members[i], $"Members[{i}]", i, today, errors);
        }

        AddRepeatedCprs(request.Members, errors);
        AddUnderAgeRelations(request.Members, today, errors);

        // A household without a typed name is named after its first member ("Selam Tekle", "Familien Tekle"): names that
        // each fit their columns may together not fit the household's.
        if (string.IsNullOrWhiteSpace(request.HouseholdName) && !errors.Keys.Any(k => k.StartsWith("Members[0].", StringComparison.Ordinal) && k.EndsWith("Name", StringComparison.Ordinal))
            && ArrivalRegistration.HouseholdName(request).Length > Household.NameLength)
        {
            errors.Add(nameof(ArrivalRequest.HouseholdName), MadeHouseholdNameTooLong);
        }

        if (request.LivesWithReferencePerson && !HousingDuty.MayLiveWithReferencePerson(request.Members.Select(m => m.Basis)))
        {
            errors.Add(nameof(ArrivalRequest.LivesWithReferencePerson), NotAllFamilyReunified);
        }

        if (request.FamilyToJoin is < 0 or > Household.MostFamilyToJoin)
        {
            errors.Add(nameof(ArrivalRequest.FamilyToJoin), FamilyToJoinOutOfRange);
        }

        return errors;
    }

    /// <summary>
    /// A changed arrival (the arrival page): the expected day, while the household has not come, and the day it came.
    /// Neither before the visitation decision, nor after the household's first move-in (it comes before it moves in);
    /// the day it came not in the future, and not left out once it has moved in. A field left out of
    /// <paramref name="fields"/> (its typed value was no date) is not checked. A message that names the move-in is written
    /// in the reader's language by <paramref name="texts"/>.
    /// </summary>
    public static ArrivalErrors ValidateChange(ArrivalChange change, IReadOnlySet<string> fields, DateOnly today, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(texts);
        var errors = new ArrivalErrors();
        if (change.ExpectedIsEditable && fields.Contains(nameof(ArrivalChange.ExpectedArrival)))
        {
            if (change.ExpectedArrival is not { } expected)
            {
                errors.Add(nameof(ArrivalChange.ExpectedArrival), ExpectedArrivalMissing);
            }
            else if (PlanningHorizon.IsBeyond(expected, today))
            {
                errors.Add(nameof(ArrivalChange.ExpectedArrival), TooFarAhead);
            }
            else if (PlanningHorizon.IsBeforeEarliest(expected))
            {
                errors.Add(nameof(ArrivalChange.ExpectedArrival), PlanningHorizon.TooFarBack);
            }
            else if (ArrivalRefusal(expected) is { } refusal)
            {
                errors.Add(nameof(ArrivalChange.ExpectedArrival), refusal);
            }
        }

        if (!fields.Contains(nameof(ArrivalChange.ArrivedOn)))
        {
            return errors;
        }

        if (change.ArrivedOn is not { } arrived)
        {
            if (change.MoveIn is { } moveIn && moveIn.Date <= today)
            {
                errors.Add(nameof(ArrivalChange.ArrivedOn), texts["Husstanden flyttede ind i {0} {1:d. MMMM yyyy}, så den er kommet. Angiv ankomstdatoen.", moveIn.UnitLabel, moveIn.Date]);
            }
        }
        else if (arrived > today)
        {
            errors.Add(nameof(ArrivalChange.ArrivedOn), ArrivedInTheFuture);
        }
        else if (PlanningHorizon.IsBeforeEarliest(arrived))
        {
            errors.Add(nameof(ArrivalChange.ArrivedOn), PlanningHorizon.TooFarBack);
        }
        else if (ArrivalRefusal(arrived) is { } refusal)
        {
            errors.Add(nameof(ArrivalChange.ArrivedOn), refusal);
        }

        return errors;

        string? ArrivalRefusal(DateOnly arrival)
        {
            if (change.VisitationDecisionDate is { } decided && arrival < decided)
            {
                return ArrivalBeforeVisitation;
            }

            if (change.MoveIn is { } moveIn && arrival > moveIn.Date)
            {
                return moveIn.Date > today
                    ? texts["Husstanden skal flytte ind i {0} {1:d. MMMM yyyy}. Ankomsten kan ikke ligge efter indflytningen.", moveIn.UnitLabel, moveIn.Date]
                    : texts["Husstanden flyttede ind i {0} {1:d. MMMM yyyy}. Ankomsten kan ikke ligge efter indflytningen.", moveIn.UnitLabel, moveIn.Date];
            }

            return null;
        }
    }

    public static bool IsBlank(ArrivalMember member) =>
        string.IsNullOrWhiteSpace(member.FirstName) && string.IsNullOrWhiteSpace(member.LastName) && member.BirthDate is null && string.IsNullOrWhiteSpace(member.Cpr);

    /// <summary>
    /// A member's names, nationality and languages: the names given, none longer than its column, no control characters.
    /// Checked so at registration and when the coordinator corrects them on the person's page (<c>/People/{id}/Edit</c>);
    /// the keys are <paramref name="prefix"/>.FirstName and so on, or the field's name alone for an empty prefix.
    /// </summary>
    public static void ValidateDetails(string? firstName, string? lastName, string? nationality, string? languages, string prefix, ArrivalErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var key = (string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
        if (string.IsNullOrWhiteSpace(firstName))
        {
            errors.Add(key("FirstName"), "Angiv fornavn.");
        }
        else if (firstName.Trim().Length > Person.NameLength)
        {
            errors.Add(key("FirstName"), FirstNameTooLong);
        }

        if (string.IsNullOrWhiteSpace(lastName))
        {
            errors.Add(key("LastName"), "Angiv efternavn.");
        }
        else if (lastName.Trim().Length > Person.NameLength)
        {
            errors.Add(key("LastName"), LastNameTooLong);
        }

        if (nationality?.Trim().Length > Person.NationalityLength)
        {
            errors.Add(key("Nationality"), NationalityTooLong);
        }

        if (languages?.Trim().Length > Person.LanguagesLength)
        {
            errors.Add(key("Languages"), LanguagesTooLong);
        }

        foreach (var (field, text) in new[] { ("FirstName", firstName), ("LastName", lastName), ("Nationality", nationality), ("Languages", languages) })
        {
            if (ControlCharacters.In(text))
            {
                errors.Add(key(field), ControlCharacters.Refused);
            }
        }
    }

    public static void ValidateMember(ArrivalMember member, string prefix, int index, DateOnly today, ArrivalErrors errors)
    {
        ValidateDetails(member.FirstName, member.LastName, member.Nationality, member.Languages, prefix, errors);

        if (BirthDateRefusal(member.BirthDate, today) is { } refusal)
        {
            errors.Add($"{prefix}.BirthDate", refusal);
        }
        else if (member.Basis == ResidenceBasis.UnaccompaniedMinor && Age.IsAdultOn(member.BirthDate!.Value, today))
        {
            errors.Add($"{prefix}.Basis", UnaccompaniedMinorAdult);
        }

        if (!Enum.IsDefined(member.Basis))
        {
            errors.Add($"{prefix}.Basis", "Vælg opholdsgrundlag.");
        }

        if (!Enum.IsDefined(member.Gender))
        {
            errors.Add($"{prefix}.Gender", UnknownGender);
        }

        if (member.RelationToFirst is { } relation && !Enum.IsDefined(relation))
        {
            errors.Add($"{prefix}.RelationToFirst", UnknownRelation);
        }
        else if (index == 0 && member.RelationToFirst is not null)
        {
            errors.Add($"{prefix}.RelationToFirst", "Det første medlem er den, de andre relationer regnes fra.");
        }

        if (!string.IsNullOrWhiteSpace(member.Cpr))
        {
            if (!CprNumber.TryParse(member.Cpr, out var cpr, out var error))
            {
                errors.Add($"{prefix}.Cpr", CprMessages.For(error));
            }
            else
            {
                if (member.BirthDate is { } b && cpr.BirthDate != b)
                {
                    errors.Add($"{prefix}.Cpr", "CPR-nummeret passer ikke med fødselsdatoen.");
                }

                // Saved, the person would take the number's gender without a word (Person.AssignCpr); none chosen takes it.
                if (member.Gender is Gender.Female or Gender.Male && member.Gender != cpr.Gender)
                {
                    errors.Add($"{prefix}.Gender", CprMessages.GenderNotTheCprs);
                }
            }
        }
    }

    /// <summary>
    /// Why a birth date cannot be a member's (none given, in the future, before 1900), or null when it can: checked so at
    /// registration and when the coordinator corrects it (<c>/People/{id}/BirthDate</c>).
    /// </summary>
    public static string? BirthDateRefusal(DateOnly? birthDate, DateOnly today) => birthDate switch
    {
        null => "Angiv fødselsdato.",
        { } birth when birth > today => "Fødselsdatoen kan ikke ligge i fremtiden.",
        { Year: < 1900 } => "Fødselsdatoen er for langt tilbage. Tjek årstallet.",
        _ => null,
    };

    /// <summary>
    /// A member whose age does not fit their relation to the first (<see cref="RelationAges"/>, as the relations page has
    /// it), beside the member's relation: a parent younger than the first, a child older than the first, a custodian or a
    /// spouse not old enough for it, or a spouse of a first member who is not. The member's relation reads »member is
    /// relation of the first« (<see cref="ArrivalRegistration.Relate"/>), so a »child« makes the first member the parent.
    /// A birth date refused already is not checked again.
    /// </summary>
    private static void AddUnderAgeRelations(IReadOnlyList<ArrivalMember> members, DateOnly today, ArrivalErrors errors)
    {
        if (members.Count == 0 || BirthDateRefusal(members[0].BirthDate, today) is not null)
        {
            return;
        }

        for (var i = 1; i < members.Count; i++)
        {
            if (RelationAgeRefusal(members[i], members[0].BirthDate!.Value, today) is { } agesDoNotFit)
            {
                errors.Add($"Members[{i}].RelationToFirst", agesDoNotFit);
            }
        }
    }

    /// <summary>
    /// Why the ages of <paramref name="member"/> and the first member (born <paramref name="firstBorn"/>) do not fit the
    /// member's relation to the first (<see cref="RelationAges"/>); null when they do, or when the member's relation or
    /// birth date is refused for itself. Checked so at registration and when a member joins the household (the relation
    /// then to its eldest).
    /// </summary>
    public static string? RelationAgeRefusal(ArrivalMember member, DateOnly firstBorn, DateOnly today) =>
        member is { RelationToFirst: { } relation, BirthDate: { } born } && Enum.IsDefined(relation) && BirthDateRefusal(born, today) is null
            ? RelationAges.Refusal(relation, born, firstBorn, today)
            : null;

    /// <summary>A CPR number typed at a later member as well as an earlier one: one number, one person.</summary>
    private static void AddRepeatedCprs(IReadOnlyList<ArrivalMember> members, ArrivalErrors errors)
    {
        var seen = new HashSet<CprNumber>();
        for (var i = 0; i < members.Count; i++)
        {
            if (CprNumber.TryParse(members[i].Cpr, out var cpr, out _) && !seen.Add(cpr))
            {
                errors.Add($"Members[{i}].Cpr", CprMessages.SameAsOtherMember);
            }
        }
    }
}
