using Indgang.Domain;
using static Indgang.Placement.ExplanationTexts;

namespace Indgang.Placement.Scoring;

/// <summary>
/// Every explanation term and reason, in the wording of <see cref="ExplanationTexts"/> with its arguments kept apart;
/// codes are stable for the web app.
/// </summary>
internal static class DanishTerms
{
    public static ExplanationTerm Housed(long points) => new("HOUSED", ExplanationTexts.Housed, points);

    public static ExplanationTerm Waited(int days, long points) =>
        new("WAITED", new Said(Counted.Form(days, WaitedOneDay, WaitedDays), days), points);

    public static ExplanationTerm School(int metres, long points) => new("SCHOOL", new Said(ExplanationTexts.School, metres), points);

    public static ExplanationTerm Daycare(int metres, long points) => new("DAYCARE", new Said(ExplanationTexts.Daycare, metres), points);

    public static ExplanationTerm Transport(int metres, long points) => new("TRANSPORT", new Said(ExplanationTexts.Transport, metres), points);

    public static ExplanationTerm Shops(int metres, long points) => new("SHOPS", new Said(ExplanationTexts.Shops, metres), points);

    public static ExplanationTerm PermanentForFamily(long points) => new("PERMANENT_FAMILY", ExplanationTexts.PermanentForFamily, points);

    public static ExplanationTerm WastedBeds(int beds, long points) =>
        new("WASTED_BEDS", new Said(Counted.Form(beds, WastedBed, ExplanationTexts.WastedBeds), beds), points);

    public static ExplanationTerm SharedRoomBeds(int beds, long points) =>
        new("SHARED_ROOM_BEDS", new Said(Counted.Form(beds, SharedRoomBed, ExplanationTexts.SharedRoomBeds), beds), points);

    public static ExplanationTerm KeepPrevious(long points) => new("KEEP_PREVIOUS", ExplanationTexts.KeepPrevious, points);

    public static ExplanationTerm Language(string language, string district, int households, long points) =>
        households <= 1
            ? new("LANGUAGE_ALONE", new Said(LanguageAlone, language, district), points)
            : new("LANGUAGE_TOGETHER", new Said(LanguageTogether, households, language, district), points);

    public static ExplanationTerm Families(string district, int families, long points) =>
        families <= 1
            ? new("FAMILY_ALONE", new Said(FamilyAlone, district), points)
            : new("FAMILIES_TOGETHER", new Said(FamiliesTogether, families, district), points);

    public static ExplanationTerm Spread(string district, int households, int target, long points) =>
        new(
            points >= 0 ? "SPREAD_UNDER_SHARE" : "SPREAD_OVER_SHARE",
            new Said(Counted.Form(households, SpreadOneHousehold, SpreadHouseholds), district, households, target),
            points);

    /// <summary>Why a household has no suggestion: units it may live in, but the plan gave them to others.</summary>
    public static Said FittingUnitsWentToOthers(int units) =>
        new(Counted.Form(units, FittingUnitWentToOthers, ExplanationTexts.FittingUnitsWentToOthers), units);

    /// <summary>Why a household has no suggestion: no unit it may live in, with the rules that rule the units out, most first.</summary>
    public static Said NoUnitFits(int units, IEnumerable<(string Reason, int Units)> ruledOut)
    {
        if (units == 0)
        {
            return NoUnitsOnOffer;
        }

        // The clauses joined by "; " as one message of their own, each clause said in the reader's language.
        var clauses = ruledOut.Select(r => (object)new Said(Counted.Form(r.Units, RuledOutOneUnit, RuledOutUnits), new Said(r.Reason), r.Units)).ToArray();
        var list = new Said(string.Join("; ", clauses.Select((_, i) => $"{{{i}}}")), clauses);
        return new Said(ExplanationTexts.NoUnitFits, list);
    }
}
