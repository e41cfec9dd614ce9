namespace Indgang.Domain.Audit;

/// <summary>
/// Stable numeric audit action codes, in blocks by area. Never renumber or reuse a code: exported
/// logs and the citizen's right of access depend on them.
/// </summary>
public enum AuditAction
{
    // 1000–1099 sign-in
    SignInSucceeded = 1000,
    SignInFailed = 1001,
    LockedOut = 1002,
    SignedOut = 1003,

    // 1100–1199 user administration
    UserCreated = 1100,
    PasswordReset = 1101,
    RolesChanged = 1102,
    DepartmentChanged = 1103,
    UserUnlocked = 1104,
    UserDisabled = 1105,
    UserEnabled = 1106,

    // 2000–2099 persons
    PersonRead = 2000,
    PersonCreated = 2001,
    PersonUpdated = 2002,
    CprRevealed = 2003,
    CprRecorded = 2004,

    // 2100–2199 households
    HouseholdRead = 2100,
    HouseholdCreated = 2101,
    HouseholdUpdated = 2102,
    CoordinatorReassigned = 2103,
    ArrivalChanged = 2104,
    LivesWithReferencePersonChanged = 2105,
    FamilyToJoinChanged = 2106,
    RelationChanged = 2107,

    // 2200–2299 tasks, contracts, plans and journal
    TaskTaken = 2200,
    TaskCompleted = 2201,
    TaskClosedAsNotNeeded = 2202,
    TaskReopened = 2203,
    TaskReleased = 2204,
    ContractSigned = 2210,
    PlanSaved = 2220,
    PlanExtended = 2221,
    PlanPrinted = 2222,
    JournalNoteWritten = 2230,
    Day0Overridden = 2240,
    DeadlineMet = 2241,
    DeadlineMetRemoved = 2242,
    MemberAdded = 2250,

    // 2300–2399 housing
    HousingUnitChanged = 2300,
    MovedIn = 2301,
    MovedOut = 2302,
    HousingSiteChanged = 2303,
    MoveInCalledOff = 2304,
    PlacementRun = 2310,
    PlacementAccepted = 2311,
    PlacementOverridden = 2312,
    PlacementWeightsChanged = 2313,

    // 3000–3099 rule sets
    LocalTargetChanged = 3000,
    ResponsibilityChanged = 3001,
    RentCapsChanged = 3002,
    OrganisationChanged = 3003,
    QuotaChanged = 3004,

    // 9000–9099 the audit log itself
    AuditLogSearched = 9000,
    AuditLogExported = 9001,
    AuditChainVerified = 9002,

    // 9100–9199 system
    DemoDataSeeded = 9100,
}
