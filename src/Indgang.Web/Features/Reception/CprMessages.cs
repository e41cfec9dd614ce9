using Indgang.Domain.People;

namespace Indgang.Web.Features.Reception;

internal static class CprMessages
{
    public static string For(CprParseError error) => error switch
    {
        CprParseError.Empty => "Angiv CPR-nummeret.",
        CprParseError.WrongLength => "Et CPR-nummer har 10 cifre (DDMMÅÅ-NNNN).",
        CprParseError.NotDigits => "Et CPR-nummer består af cifre, eventuelt med bindestreg efter de første 6 (DDMMÅÅ-NNNN).",
        CprParseError.InvalidDate => "De første 6 cifre i CPR-nummeret er ikke en gyldig dato.",
        _ => "CPR-nummeret er ikke gyldigt.",
    };
}
