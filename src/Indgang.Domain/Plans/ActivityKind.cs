namespace Indgang.Domain.Plans;

/// <summary>The activity catalogue of "Min plan" (PLAN-2). Stable numbers: they are stored.</summary>
public enum ActivityKind
{
    DanishEducation = 1,
    JobberietCourse = 2,
    CompanyInternship = 3,
    WageSubsidy = 4,
    JobSearch = 5,
    Igu = 6,
    School = 7,
    Daycare = 8,
    HealthVisitor = 9,
    Psychologist = 10,
    Doctor = 11,

    /// <summary>Ordinary employment, a job on ordinary terms (ordinær beskæftigelse): the way to self-support.</summary>
    Employment = 12,
    Other = 99,
}

public enum ActivityStatus
{
    Planned = 1,
    Ongoing = 2,
    Completed = 3,
    Cancelled = 4,
}
