using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;

namespace Indgang.Web.Features.Admin.Responsibilities;

/// <summary>
/// Danish names of the task types (the default checklist's titles, and for the tasks only a move brings,
/// <see cref="MoveTasks"/>') and of a task's status.
/// </summary>
public static class TaskTexts
{
    public static string Title(TaskType type) =>
        ChecklistTemplates.Default.For(HouseholdType.FamilyWithChildren).Concat(ChecklistTemplates.Default.For(HouseholdType.UnaccompaniedMinor))
            .FirstOrDefault(i => i.Type == type)?.DanishTitle ?? MoveTasks.Title(type) ?? type.ToString();

    public static string Status(CaseTaskStatus status) => status switch
    {
        CaseTaskStatus.Open => "Åben",
        CaseTaskStatus.Taken => "Taget",
        CaseTaskStatus.Done => "Udført",
        CaseTaskStatus.NotNeeded => "Ikke nødvendig",
        _ => status.ToString(),
    };
}
