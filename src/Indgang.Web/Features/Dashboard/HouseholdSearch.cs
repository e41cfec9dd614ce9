using Indgang.Domain.People;
using Indgang.Web.Data;

namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// Words to find a household by ("Soeg" in the start page's address, "soeg" in the pipeline's): part of the household's
/// name or of a member's name, without regard to case (also Æ, Ø and Å: <see cref="TextSearch"/>). Never a CPR number:
/// the search stands in the address (browser history, logs), so words with six digits or more (a CPR number, or its
/// birth date) are refused. The page sends such an address on at once to one without them ("SoegFejl=cpr"), which
/// shows the list unsearched and says why.
/// </summary>
public sealed record HouseholdSearch(string? Text, bool RefusedAsCpr)
{
    /// <summary>The fewest digits taken for a CPR number or part of one: its birth date (ddmmåå).</summary>
    public const int CprDigits = 6;

    /// <summary>"SoegFejl"'s value in the address a search for a CPR number is sent on to.</summary>
    public const string CprRefusal = "cpr";

    public static HouseholdSearch None { get; } = new(null, false);

    public static HouseholdSearch Refused { get; } = new(null, true);

    /// <summary>
    /// Words that hold a CPR number, or part of one: its digits in any script (full-width ０１, Arabic-Indic ٠١ …, as a
    /// keyboard set to another language types them), which would otherwise stay in the address.
    /// </summary>
    public static bool HoldsCpr(string? typed) => typed is not null && typed.Count(char.IsDigit) >= CprDigits;

    /// <summary>The search as the address gives it (blank words are no search), or the refusal the address tells of.</summary>
    public static HouseholdSearch Read(string? typed, string? error)
    {
        if (HoldsCpr(typed) || string.Equals(error?.Trim(), CprRefusal, StringComparison.OrdinalIgnoreCase))
        {
            return Refused;
        }

        return string.IsNullOrWhiteSpace(typed) ? None : new(typed.Trim(), false);
    }

    /// <summary>The households whose name, or a member's first, last or full name, holds the words (all without any).</summary>
    public IQueryable<Household> Apply(IQueryable<Household> households, IQueryable<Person> persons)
    {
        ArgumentNullException.ThrowIfNull(households);
        if (Text is null)
        {
            return households;
        }

        var term = TextSearch.Fold(Text);
        return households.Where(h => TextSearch.Fold(h.Name).Contains(term)
            || persons.Any(p => p.HouseholdId == h.Id && TextSearch.Fold(p.FirstName + " " + p.LastName).Contains(term)));
    }
}
