namespace Indgang.Placement;

/// <summary>
/// The Danish wording of the optimizer's explanations, reasons for leaving a household without a suggestion, and the
/// placement rules a pair breaks: composite formats ({0:N0}) whose arguments the terms keep apart, so the web can say
/// them in the reader's language with the Danish text as the key. Every text the optimizer writes for a person is one
/// of these constants (the web's translation test reads them all).
/// </summary>
public static class ExplanationTexts
{
    public const string Housed = "Får en bolig";
    public const string WaitedOneDay = "Har ventet {0:N0} dag";
    public const string WaitedDays = "Har ventet {0:N0} dage";
    public const string School = "Familie med børn: {0:N0} m til skole";
    public const string Daycare = "Børn under skolealderen: {0:N0} m til dagtilbud";
    public const string Transport = "{0:N0} m til offentlig transport";
    public const string Shops = "{0:N0} m til indkøb";
    public const string PermanentForFamily = "Permanent bolig til familie";
    public const string WastedBed = "{0:N0} seng står tom";
    public const string WastedBeds = "{0:N0} senge står tomme";
    public const string SharedRoomBed = "Delebolig: {0:N0} seng står tom";
    public const string SharedRoomBeds = "Delebolig: {0:N0} senge står tomme";
    public const string KeepPrevious = "Samme forslag som sidst";
    public const string LanguageAlone = "Alene med sproget ({0}) i {1}";
    public const string LanguageTogether = "Ikke alene med sproget i distriktet: {0:N0} husstande taler {1} i {2}";
    public const string FamilyAlone = "Eneste børnefamilie i {0}";
    public const string FamiliesTogether = "Børnefamilie i område med andre børnefamilier: {0:N0} i {1}";
    public const string SpreadOneHousehold = "Spredning: {0} får {1:N0} husstand mod en andel på {2:N0}";
    public const string SpreadHouseholds = "Spredning: {0} får {1:N0} husstande mod en andel på {2:N0}";

    public const string FittingUnitWentToOthers =
        "{0:N0} ledig bolig passer husstanden, men planen giver den til husstande, der vægter mere efter kommunens prioriteringer (fx længere ventetid).";

    public const string FittingUnitsWentToOthers =
        "{0:N0} ledige boliger passer husstanden, men planen giver dem til husstande, der vægter mere efter kommunens prioriteringer (fx længere ventetid).";

    public const string LocksCannotHold =
        "De låste forslag kan ikke holdes samtidig, så ingen husstand har fået et forslag. Fjern en lås, og kør igen.";

    public const string NoUnitsOnOffer = "Der er ingen ledige boliger på planlægningsdatoen.";
    public const string NoUnitFits = "Ingen ledig bolig passer husstanden: {0}.";
    public const string RuledOutOneUnit = "{0} ({1:N0} bolig)";
    public const string RuledOutUnits = "{0} ({1:N0} boliger)";

    public const string TooFewBeds = "for få senge";
    public const string SharedRoomNotForThisHousehold = "delebolig kun til enlige voksne med kendt køn";
    public const string NotStepFree = "husstanden har brug for niveaufri adgang";
    public const string RentAboveCap = "huslejen er over husstandens loft";
    public const string VulnerableArea = "boligen ligger i et udsat boligområde (integrationsloven § 12)";
    public const string NotYetAvailable = "boligen er ikke ledig, når husstanden skal flytte ind";
    public const string Excluded = "boligkoordinatoren har udelukket boligen for husstanden";
    public const string LockedElsewhere = "husstanden er låst til en anden bolig";
    public const string UnitLockedToOther = "boligen er låst til en anden husstand";
    public const string TooFewSchoolSeats = "for få ledige skolepladser i distriktet";
    public const string OtherGenderInSharedRoom = "i deleboligen bor allerede en af det andet køn";
    public const string NoRoomForFamilyToJoin = "den permanente bolig har ikke plads til familien, der er søgt familiesammenføring til";
}
