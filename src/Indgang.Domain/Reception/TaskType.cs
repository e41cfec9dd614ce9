namespace Indgang.Domain.Reception;

/// <summary>Arrival tasks, and those a move into or out of a unit brings. Stable numbers: they are stored; never renumber or reuse one.</summary>
public enum TaskType
{
    CprAndFolkeregister = 1,
    GpRegistration = 2,
    TaxCard = 3,
    BankAccount = 4,
    BenefitsInformation = 5,
    LeaseContract = 6,
    KeyHandover = 7,
    StartPackage = 8,

    /// <summary>House rules, waste sorting and energy use.</summary>
    HouseRulesIntroduction = 9,
    MoveInDefectsList = 10,

    /// <summary>Consent to fetch health documents from the asylum centre (integrationsloven § 15 d).</summary>
    HealthDocumentsConsent = 11,
    SchoolOrDaycareOffer = 12,
    FamilyConsultantOffer = 13,

    /// <summary>Assessment by Børn og Familier of an unaccompanied minor.</summary>
    ChildrenAndFamiliesAssessment = 14,

    /// <summary>The lease of a unit of ours ends with a move out (HOUSE-2).</summary>
    LeaseTermination = 15,

    /// <summary>The keys of a unit of ours are handed back on the move-out day.</summary>
    KeyReturn = 16,

    /// <summary>The unit is inspected when the household leaves it (fraflytningssyn), before the next moves in.</summary>
    MoveOutInspection = 17,

    /// <summary>
    /// The household tells the housing association of the defects of its new permanent home (mangelliste) within the
    /// time the lease gives, helped by the municipality (seed 004, HOUSE-5).
    /// </summary>
    PermanentHomeDefectsList = 18,

    /// <summary>
    /// The household is guided in the housing association's rules and house rules, and where to turn with a problem, when
    /// it moves into its permanent home (seed 004, HOUSE-5).
    /// </summary>
    PermanentHomeGuidance = 19,

    /// <summary>
    /// Help to register with the housing associations' waiting lists, for a household in temporary housing of ours, so that
    /// it is ready to move on to a permanent home (seed 001: "Hjælp til opskrivning til permanente boliger").
    /// </summary>
    HousingRegistrationHelp = 20,

    /// <summary>
    /// Motivating a household in temporary housing of ours to move on to a permanent home now that one of its members
    /// has paid work (seed 001: "Motivere flygtningene til at flytte i permanente boliger, når de opnår beskæftigelse").
    /// </summary>
    PermanentHomeMotivation = 21,
}
