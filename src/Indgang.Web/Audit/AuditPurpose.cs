using System.Reflection;

namespace Indgang.Web.Audit;

/// <summary>
/// Why an entry was written to the audit log: one of the purposes the app processes personal data for, each named once
/// here (the record of processing, GDPR art. 30), not a text written at each call. It is stored as its Danish text
/// (<see cref="Text"/>), which the audit chain's hash covers, so a text here is never changed once entries carry it: a
/// new wording is a new purpose. The audit log's page shows it in the reader's language through the localizer (the
/// Danish text is the key); the exports keep it as stored.
/// </summary>
public sealed class AuditPurpose
{
    private AuditPurpose(string text) => Text = text;

    /// <summary>The purpose in Danish, as the audit log stores it.</summary>
    public string Text { get; }

    public override string ToString() => Text;

    // Signing in and out, the administration and the audit log itself.
    public static AuditPurpose SignIn { get; } = new("Log ind");
    public static AuditPurpose SignOut { get; } = new("Log af");
    public static AuditPurpose UserAdministration { get; } = new("Brugeradministration");
    public static AuditPurpose Organisation { get; } = new("Organisation");
    public static AuditPurpose Responsibilities { get; } = new("Ansvarsfordeling");
    public static AuditPurpose LocalRuleSet { get; } = new("Regelsæt: kommunens lokale mål");
    public static AuditPurpose RentCaps { get; } = new("Huslejelofter for midlertidige boliger");
    public static AuditPurpose PlacementWeights { get; } = new("Boligplacering: vægte");
    public static AuditPurpose AuditInsight { get; } = new("Indsigt i opslag (revisionslog)");
    public static AuditPurpose AuditInsightByCpr { get; } = new("Indsigt i opslag (revisionslog): søgning på CPR-nummer");
    public static AuditPurpose AuditExport { get; } = new("Indsigt i opslag (eksport)");
    public static AuditPurpose AuditVerification { get; } = new("Kontrol af revisionslog");
    public static AuditPurpose DemoData { get; } = new("Demodata til udvikling");

    // Reception and the case.
    public static AuditPurpose ExpectedArrival { get; } = new("Registrering af forventet ankomst");
    public static AuditPurpose DuplicateCheck { get; } = new("Dubletkontrol ved registrering");
    public static AuditPurpose ArrivalChange { get; } = new("Ændring af ankomst");
    public static AuditPurpose DayZeroChange { get; } = new("Ændring af dag 0");
    public static AuditPurpose CprRegistration { get; } = new("Registrering af CPR-nummer");
    public static AuditPurpose CprShownInFull { get; } = new("Visning af fuldt CPR-nummer");
    public static AuditPurpose PersonCorrection { get; } = new("Rettelse af borgerens oplysninger");
    public static AuditPurpose CoordinatorOverview { get; } = new("Koordinatorens overblik");
    public static AuditPurpose HouseholdCase { get; } = new("Sagsbehandling: visning af husstand");
    public static AuditPurpose PersonCase { get; } = new("Sagsbehandling: visning af borger");
    public static AuditPurpose JournalNote { get; } = new("Journalnotat");
    public static AuditPurpose CoordinatorChange { get; } = new("Skift af koordinator");
    public static AuditPurpose Relations { get; } = new("Relationer i husstanden");
    public static AuditPurpose AddMember { get; } = new("Tilføj medlem");
    public static AuditPurpose FamilyReunificationMember { get; } = new("Familiesammenføring: nyt medlem af husstanden");
    public static AuditPurpose FamilyToJoin { get; } = new("Familiesammenføring søgt");
    public static AuditPurpose HousingDuty { get; } = new("Bolig fra kommunen");
    public static AuditPurpose Contract { get; } = new("Integrationskontrakt");
    public static AuditPurpose ContractAndDeclaration { get; } = new("Integrationskontrakt og erklæring");
    public static AuditPurpose Deadlines { get; } = new("Frister");
    public static AuditPurpose DeadlineMet { get; } = new("Frist opfyldt");
    public static AuditPurpose Notifications { get; } = new("Notifikationer");

    // The departments' tasks.
    public static AuditPurpose TaskWork { get; } = new("Opgaveløsning");
    public static AuditPurpose TaskList { get; } = new("Opgavekø: visning af opgaver");

    // The citizen's plan.
    public static AuditPurpose Plan { get; } = new("Min plan");
    public static AuditPurpose PlanVersions { get; } = new("Min plan: versioner");
    public static AuditPurpose PlanExtended { get; } = new("Min plan: forlængelse ved 1-årsopfølgning");
    public static AuditPurpose PlanPrint { get; } = new("Min plan: udskrift");
    public static AuditPurpose PlanPrintedForCitizen { get; } = new("Min plan: udskrift til borgeren");

    // Housing: the stock, the overview, moves and the placement.
    public static AuditPurpose HousingStock { get; } = new("Boligmassen");
    public static AuditPurpose HousingStockImport { get; } = new("Boligmassen: import");
    public static AuditPurpose HousingOverview { get; } = new("Boligkoordinatorens overblik");
    public static AuditPurpose UnitResidents { get; } = new("Bolig: beboere");
    public static AuditPurpose UnitWaitingHouseholds { get; } = new("Bolig: husstande, der venter");

    /// <summary>The unit page's move-in form names the households in our other temporary units, who may move straight in.</summary>
    public static AuditPurpose UnitMovableHouseholds { get; } = new("Bolig: husstande i kommunens andre midlertidige boliger");
    public static AuditPurpose Quota { get; } = new("Kommunens kvote");
    public static AuditPurpose MoveIn { get; } = new("Boligplacering: indflytning");
    public static AuditPurpose MoveInUndone { get; } = new("Boligplacering: indflytning fortrudt");
    public static AuditPurpose MoveOut { get; } = new("Boligplacering: fraflytning");
    public static AuditPurpose AgreedMoveOutChanged { get; } = new("Boligplacering: aftalt fraflytning ændret");
    public static AuditPurpose PlacementWaiting { get; } = new("Boligplacering: husstande, der venter");
    public static AuditPurpose PlacementRun { get; } = new("Boligplacering: optimering");
    public static AuditPurpose PlacementSuggestions { get; } = new("Boligplacering: forslag");
    public static AuditPurpose PlacementDecision { get; } = new("Boligplacering: beslutning");

    // Housing: the way to a permanent home.
    public static AuditPurpose Pipeline { get; } = new("Vejen til permanent bolig: oversigt");
    public static AuditPurpose Registration { get; } = new("Vejen til permanent bolig: opskrivning");
    public static AuditPurpose RegistrationCorrection { get; } = new("Vejen til permanent bolig: ret opskrivning");
    public static AuditPurpose RegistrationCorrected { get; } = new("Vejen til permanent bolig: opskrivning rettet");
    public static AuditPurpose RegistrationDeleted { get; } = new("Vejen til permanent bolig: opskrivning slettet");
    public static AuditPurpose Offer { get; } = new("Vejen til permanent bolig: tilbud");
    public static AuditPurpose OfferCorrection { get; } = new("Vejen til permanent bolig: ret tilbud");
    public static AuditPurpose OfferCorrected { get; } = new("Vejen til permanent bolig: tilbud rettet");
    public static AuditPurpose OfferDeleted { get; } = new("Vejen til permanent bolig: tilbud slettet");
    public static AuditPurpose OfferAccepted { get; } = new("Vejen til permanent bolig: tilbud accepteret");
    public static AuditPurpose OfferDeclined { get; } = new("Vejen til permanent bolig: tilbud afslået");
    public static AuditPurpose MoveDateChanged { get; } = new("Vejen til permanent bolig: flyttedato ændret");
    public static AuditPurpose AcceptanceUndone { get; } = new("Vejen til permanent bolig: accept fortrudt");

    // The API.
    public static AuditPurpose ApiArrivalSentAgain { get; } = new("API: registrering sendt igen med samme Idempotency-Key");
    public static AuditPurpose ApiHousehold { get; } = new("API: opslag på husstand");
    public static AuditPurpose ApiPerson { get; } = new("API: opslag på borger");
    public static AuditPurpose ApiMyHouseholds { get; } = new("API: mine husstande");
    public static AuditPurpose ApiPipeline { get; } = new("API: vejen til permanent bolig");
    public static AuditPurpose ApiRegistration { get; } = new("API: opskrivning til bolig");
    public static AuditPurpose ApiOffer { get; } = new("API: boligtilbud");

    /// <summary>Every purpose above, in the order written.</summary>
    public static IReadOnlyList<AuditPurpose> All { get; } =
        [.. typeof(AuditPurpose).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(AuditPurpose))
            .Select(p => (AuditPurpose)p.GetValue(null)!)];
}
