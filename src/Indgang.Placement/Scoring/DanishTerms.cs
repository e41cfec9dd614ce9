using System.Globalization;

namespace Indgang.Placement.Scoring;

/// <summary>The Danish wording of every explanation term; codes are stable for the web app.</summary>
internal static class DanishTerms
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static ExplanationTerm Housed(long points) => new("HOUSED", "Får en bolig", points);

    public static ExplanationTerm Waited(int days, long points) =>
        new("WAITED", Format($"Har ventet {days:N0} {Counted(days, "dag", "dage")}"), points);

    public static ExplanationTerm School(int metres, long points) =>
        new("SCHOOL", Format($"Familie med børn: {metres:N0} m til skole"), points);

    public static ExplanationTerm Daycare(int metres, long points) =>
        new("DAYCARE", Format($"Børn under skolealderen: {metres:N0} m til dagtilbud"), points);

    public static ExplanationTerm Transport(int metres, long points) =>
        new("TRANSPORT", Format($"{metres:N0} m til offentlig transport"), points);

    public static ExplanationTerm Shops(int metres, long points) =>
        new("SHOPS", Format($"{metres:N0} m til indkøb"), points);

    public static ExplanationTerm PermanentForFamily(long points) => new("PERMANENT_FAMILY", "Permanent bolig til familie", points);

    public static ExplanationTerm WastedBeds(int beds, long points) =>
        new("WASTED_BEDS", Format($"{beds:N0} {Counted(beds, "seng står tom", "senge står tomme")}"), points);

    public static ExplanationTerm SharedRoomBeds(int beds, long points) =>
        new("SHARED_ROOM_BEDS", Format($"Delebolig: {beds:N0} {Counted(beds, "seng står tom", "senge står tomme")}"), points);

    public static ExplanationTerm KeepPrevious(long points) => new("KEEP_PREVIOUS", "Samme forslag som sidst", points);

    public static ExplanationTerm Language(string language, string district, int households, long points) =>
        households <= 1
            ? new("LANGUAGE_ALONE", $"Alene med sproget ({language}) i {district}", points)
            : new("LANGUAGE_TOGETHER", Format($"Ikke alene med sproget i distriktet: {households:N0} husstande taler {language} i {district}"), points);

    public static ExplanationTerm Families(string district, int families, long points) =>
        families <= 1
            ? new("FAMILY_ALONE", $"Eneste børnefamilie i {district}", points)
            : new("FAMILIES_TOGETHER", Format($"Børnefamilie i område med andre børnefamilier: {families:N0} i {district}"), points);

    public static ExplanationTerm Spread(string district, int households, int target, long points) =>
        new(
            points >= 0 ? "SPREAD_UNDER_SHARE" : "SPREAD_OVER_SHARE",
            Format($"Spredning: {district} får {households:N0} {Counted(households, "husstand", "husstande")} mod en andel på {target:N0}"),
            points);

    /// <summary>Why a household has no suggestion: units it may live in, but the plan gave them to others.</summary>
    public static string FittingUnitsWentToOthers(int units) =>
        Format($"{units:N0} {Counted(units, "ledig bolig passer", "ledige boliger passer")} husstanden, men planen giver {Counted(units, "den", "dem")} til husstande, der vægter mere efter kommunens prioriteringer (fx længere ventetid).");

    /// <summary>Why no household has a suggestion: the locked pairs cannot all hold, so there is no plan at all.</summary>
    public const string LocksCannotHold =
        "De låste forslag kan ikke holdes samtidig, så ingen husstand har fået et forslag. Fjern en lås, og kør igen.";

    /// <summary>Why a household has no suggestion: no unit it may live in, with the rules that rule the units out, most first.</summary>
    public static string NoUnitFits(int units, IEnumerable<(string Reason, int Units)> ruledOut) =>
        units == 0
            ? "Der er ingen ledige boliger på planlægningsdatoen."
            : "Ingen ledig bolig passer husstanden: " + string.Join("; ", ruledOut.Select(r => Format($"{r.Reason} ({r.Units:N0} {Counted(r.Units, "bolig", "boliger")})"))) + ".";

    private static string Format(FormattableString text) => text.ToString(Danish);

    /// <summary>The noun's form after a number: the singular for exactly one ("1 seng"), the plural otherwise ("0 senge").</summary>
    private static string Counted(int count, string one, string other) => Math.Abs(count) == 1 ? one : other;
}
