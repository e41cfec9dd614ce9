using Indgang.Domain.People;

namespace Indgang.Web.Features.Reception;

internal static class CprMessages
{
    /// <summary>The number is on a person already registered: one CPR number, one person.</summary>
    public const string Taken = "CPR-nummeret er allerede registreret på en anden person. Tjek nummeret.";

    /// <summary>Two members of the arrival typed with the same number.</summary>
    public const string SameAsOtherMember = "CPR-nummeret står også ved et andet medlem af husstanden. Tjek numrene.";

    public static string For(CprParseError error) => error switch
    {
        CprParseError.Empty => "Angiv CPR-nummeret.",
        CprParseError.WrongLength => "Et CPR-nummer har 10 cifre (DDMMÅÅ-NNNN).",
        CprParseError.NotDigits => "Et CPR-nummer består af cifre, eventuelt med bindestreg efter de første 6 (DDMMÅÅ-NNNN).",
        CprParseError.InvalidDate => "De første 6 cifre i CPR-nummeret er ikke en gyldig dato.",
        _ => "CPR-nummeret er ikke gyldigt.",
    };
}
