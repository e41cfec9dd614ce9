namespace Indgang.Domain.Reception;

/// <summary>Arrival tasks. Stable numbers: they are stored; never renumber or reuse one.</summary>
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
}
