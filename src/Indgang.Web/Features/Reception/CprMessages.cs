using Indgang.Domain.People;

namespace Indgang.Web.Features.Reception;

internal static class CprMessages
{
    /// <summary>The number is on a person already registered: one CPR number, one person.</summary>
    public const string Taken = "CPR-nummeret er allerede registreret på en anden person. Tjek nummeret.";

    /// <summary>Two members of the arrival typed with the same number.</summary>
    public const string SameAsOtherMember = "CPR-nummeret står også ved et andet medlem af husstanden. Tjek numrene.";

    /// <summary>
    /// A gender chosen on the person's page (<c>/People/{id}/Edit</c>) other than the CPR number's
    /// (<see cref="CprNumber.Gender"/>): with a number, the gender follows it (<see cref="Person.AssignCpr"/>), and the
    /// number is corrected on the household's page.
    /// </summary>
    public const string GenderFollowsCpr = "Kønnet følger CPR-nummeret og kan ikke rettes her. Er CPR-nummeret forkert, så ret det på husstandens side.";

    /// <summary>
    /// A gender typed at registration (the form, the API, a CSV row, a member added later) other than the CPR number's
    /// typed with it (<see cref="CprNumber.Gender"/>): refused, not silently replaced by the number's
    /// (<see cref="Person.AssignCpr"/>). Here the number can be corrected where it was typed. None typed (»Ukendt«) takes the number's.
    /// </summary>
    public const string GenderNotTheCprs =
        "Kønnet følger CPR-nummeret, og nummeret angiver det andet køn (sidste ciffer er lige for en kvinde og ulige for en mand). Ret kønnet eller CPR-nummeret.";

    /// <summary>
    /// A CPR number recorded later (<c>/Households/{id}/Cpr</c>) for a person who has none yet, whose gender is not the
    /// gender recorded by hand at registration: refused beside the number, not silently taken over the recorded gender
    /// (<see cref="Person.AssignCpr"/>). A recorded gender that is wrong is corrected first on »Ret oplysninger«, while
    /// there is no number it must follow.
    /// </summary>
    public const string NumberNotTheGender =
        "CPR-nummeret angiver det andet køn end det, personen er registreret med (sidste ciffer er lige for en kvinde og ulige for en mand). Tjek nummeret. Er det registrerede køn forkert, så ret det først under »Ret oplysninger« på personens side.";

    public static string For(CprParseError error) => error switch
    {
        CprParseError.Empty => "Angiv CPR-nummeret.",
        CprParseError.WrongLength => "Et CPR-nummer har 10 cifre (DDMMÅÅ-NNNN).",
        CprParseError.NotDigits => "Et CPR-nummer består af cifre, eventuelt med bindestreg efter de første 6 (DDMMÅÅ-NNNN).",
        CprParseError.InvalidDate => "De første 6 cifre i CPR-nummeret er ikke en gyldig dato.",
        _ => "CPR-nummeret er ikke gyldigt.",
    };
}
