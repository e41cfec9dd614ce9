using Indgang.Domain.Plans;

namespace Indgang.Web.Features.Plans;

/// <summary>Danish names for the activity catalogue and statuses.</summary>
public static class PlanTexts
{
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
