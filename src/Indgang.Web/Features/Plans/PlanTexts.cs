using Indgang.Domain.Plans;

namespace Indgang.Web.Features.Plans;

/// <summary>Danish names for the activity catalogue and statuses.</summary>
public static class PlanTexts
{
    /// <summary>
    /// The catalogue in the order a caseworker looks for an activity: Danish and the way to work, from the course to the
    /// ordinary job, then the children's and the health activities, and "Andet" last. Every kind once.
    /// </summary>
    public static IReadOnlyList<ActivityKind> CatalogueOrder { get; } =
    [
        ActivityKind.DanishEducation, ActivityKind.JobberietCourse, ActivityKind.JobSearch, ActivityKind.CompanyInternship,
        ActivityKind.WageSubsidy, ActivityKind.Igu, ActivityKind.Employment, ActivityKind.School, ActivityKind.Daycare,
        ActivityKind.HealthVisitor, ActivityKind.Psychologist, ActivityKind.Doctor, ActivityKind.Other,
    ];

    public static string Kind(ActivityKind kind) => kind switch
    {
        ActivityKind.DanishEducation => "Danskuddannelse",
        ActivityKind.JobberietCourse => "Forløb i Jobberiet",
        ActivityKind.CompanyInternship => "Virksomhedspraktik",
        ActivityKind.WageSubsidy => "Løntilskud",
        ActivityKind.JobSearch => "Jobsøgning",
        ActivityKind.Igu => "IGU (integrationsgrunduddannelse)",
        ActivityKind.School => "Skole",
        ActivityKind.Daycare => "Dagtilbud",
        ActivityKind.HealthVisitor => "Sundhedsplejerske",
        ActivityKind.Psychologist => "Psykolog",
        ActivityKind.Doctor => "Læge",
        ActivityKind.Employment => "Ordinært job",
        ActivityKind.Other => "Andet",
        _ => kind.ToString(),
    };

    public static string Status(ActivityStatus status) => status switch
    {
        ActivityStatus.Planned => "Planlagt",
        ActivityStatus.Ongoing => "I gang",
        ActivityStatus.Completed => "Afsluttet",
        ActivityStatus.Cancelled => "Aflyst",
        _ => status.ToString(),
    };

    public static string Change(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.Added => "Tilføjet",
        PlanChangeKind.Removed => "Fjernet",
        PlanChangeKind.Changed => "Ændret",
        _ => kind.ToString(),
    };
}
