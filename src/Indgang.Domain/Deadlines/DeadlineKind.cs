namespace Indgang.Domain.Deadlines;

/// <summary>The statutory deadlines. Stable numbers: they are stored; never renumber or reuse one.</summary>
public enum DeadlineKind
{
    /// <summary>Integration contract and the residence/self-support declaration.</summary>
    IntegrationContract = 1,
    ProgrammeStart = 2,

    /// <summary>First company-oriented offer (internship or wage subsidy).</summary>
    FirstCompanyOffer = 3,
    DanishEducationReferral = 4,
    DanishEducationStart = 5,
    HealthAssessmentOffer = 6,

    /// <summary>Programme goal (ordinary job) reviewed; the programme is extended if it was not reached.</summary>
    OneYearReview = 7,
    ProgrammeMaximum = 8,

    /// <summary>Unaccompanied minor: the decision to offer the adult programme, before the 18th birthday.</summary>
    AdultProgrammeDecision = 9,
}
