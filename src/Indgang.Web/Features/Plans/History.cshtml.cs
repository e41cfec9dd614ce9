using System.Globalization;
using Indgang.Domain.Plans;
using Indgang.Web.Audit;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Plans;

/// <summary>The versions of a plan, and what changed from one version to the next.</summary>
public sealed class HistoryModel(PlanReader reader, IStringLocalizer<SharedResource> T) : PageModel
{
    public PlanFacts Facts { get; private set; } = null!;
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public PlanVersion? Shown { get; private set; }
    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? version)
    {
        var (refused, facts) = await reader.ReadAsync(User, id, AuditPurpose.PlanVersions);
        if (refused is not null)
        {
            return refused;
        }

        Facts = facts!;
        Versions = Facts.Plan?.Versions.OrderByDescending(v => v.Number).ToList() ?? [];
        Shown = version is { } n ? Versions.FirstOrDefault(v => v.Number == n) : (Versions.Count > 0 ? Versions[0] : null);
        if (Shown is not null)
        {
            var previous = Versions.FirstOrDefault(v => v.Number == Shown.Number - 1)?.Content ?? PlanContent.Empty;
            Changes = PlanDiff.Compare(previous, Shown.Content, Describe);
        }

        return Page();
    }

    /// <summary>An activity as the reader says it: "Jobsøgning i Netto (Jobsøgning): 1. feb. 2027–…, Planlagt, Jobberiet".</summary>
    private string Describe(PlanActivity a)
    {
        var culture = CultureInfo.CurrentCulture;
        var kind = T[PlanTexts.Kind(a.Kind)].Value;
        var title = string.Equals(a.Title, PlanTexts.Kind(a.Kind), StringComparison.Ordinal) ? kind : $"{a.Title} ({kind})";
        var end = a.End is { } last ? last.ToString(DatePatterns.DayShortMonthYear, culture) : "…";
        var department = a.DepartmentName is null ? "" : ", " + a.DepartmentName;
        return $"{title}: {a.Start.ToString(DatePatterns.DayShortMonthYear, culture)}–{end}, {T[PlanTexts.Status(a.Status)].Value}{department}";
    }
}
