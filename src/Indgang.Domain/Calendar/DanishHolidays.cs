namespace Indgang.Domain.Calendar;

/// <summary>
/// The Danish public holidays (helligdage). Juleaftensdag, nytårsaftensdag and grundlovsdag are
/// commonly days off but not public holidays, so they are not here.
/// </summary>
public static class DanishHolidays
{
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.Fixed("Nytårsdag", 1, 1),
        HolidayRule.FromEaster("Skærtorsdag", -3),
        HolidayRule.FromEaster("Langfredag", -2),
        HolidayRule.FromEaster("Påskedag", 0),
        HolidayRule.FromEaster("2. påskedag", 1),
        // Abolished by law from 2024; 2023 was its last year.
        HolidayRule.FromEaster("Store bededag", 26, validTo: new DateOnly(2023, 12, 31)),
        HolidayRule.FromEaster("Kristi himmelfartsdag", 39),
        HolidayRule.FromEaster("Pinsedag", 49),
        HolidayRule.FromEaster("2. pinsedag", 50),
        HolidayRule.Fixed("Juledag", 12, 25),
        HolidayRule.Fixed("2. juledag", 12, 26),
    ];
}
