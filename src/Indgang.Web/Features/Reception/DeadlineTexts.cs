using Indgang.Domain.Deadlines;
using Indgang.Domain.Reception;

namespace Indgang.Web.Features.Reception;

/// <summary>Danish names for deadline kinds, statuses and residence bases.</summary>
public static class DeadlineTexts
{
    public static string Title(DeadlineKind kind) => kind switch
    {
        DeadlineKind.IntegrationContract => "Integrationskontrakt og erklæring",
        DeadlineKind.ProgrammeStart => "Start på introduktionsprogram",
        DeadlineKind.FirstCompanyOffer => "Første virksomhedsrettede tilbud",
        DeadlineKind.DanishEducationReferral => "Henvisning til danskuddannelse",
        DeadlineKind.DanishEducationStart => "Start på danskuddannelse",
        DeadlineKind.HealthAssessmentOffer => "Tilbud om helbredsvurdering",
        DeadlineKind.OneYearReview => "Opfølgning efter 1 år",
        DeadlineKind.ProgrammeMaximum => "Programmets længste varighed",
        DeadlineKind.AdultProgrammeDecision => "Afgørelse om voksenprogram (før 18 år)",
        _ => kind.ToString(),
    };

    /// <summary>What a deadline's period is counted from.</summary>
    public static string Anchor(DeadlineAnchor anchor) => anchor switch
    {
        DeadlineAnchor.Day0 => "Dag 0",
        DeadlineAnchor.ProgrammeStart => "Programstart",
        DeadlineAnchor.EighteenthBirthday => "18-årsdagen",
        _ => anchor.ToString(),
    };

    public static string Status(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Met => "Overholdt",
        DeadlineStatus.MetLate => "Opfyldt for sent",
        DeadlineStatus.Open => "Åben",
        DeadlineStatus.DueSoon => "Snart",
        DeadlineStatus.Overdue => "Overskredet",
        _ => status.ToString(),
    };

    /// <summary>The DKFDS badge variant for a status, so colour is never the only signal (the text is always there).</summary>
    public static string Badge(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Met => "badge-success",
        DeadlineStatus.MetLate or DeadlineStatus.DueSoon => "badge-warning",
        DeadlineStatus.Overdue => "badge-error",
        _ => "badge-info",
    };

    public static string Basis(ResidenceBasis basis) => basis switch
    {
        ResidenceBasis.VisitedRefugee => "Flygtning (visiteret)",
        ResidenceBasis.QuotaRefugee => "Kvoteflygtning",
        ResidenceBasis.FamilyReunified => "Familiesammenført",
        ResidenceBasis.UnaccompaniedMinor => "Uledsaget mindreårig",
        _ => basis.ToString(),
    };
}
