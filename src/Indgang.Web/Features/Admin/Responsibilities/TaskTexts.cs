using Indgang.Domain.Reception;

namespace Indgang.Web.Features.Admin.Responsibilities;

/// <summary>Danish names of the checklist task types, from the default checklist's titles.</summary>
public static class TaskTexts
{
    public static string Title(TaskType type) =>
        ChecklistTemplates.Default.For(HouseholdType.FamilyWithChildren).Concat(ChecklistTemplates.Default.For(HouseholdType.UnaccompaniedMinor))
            .FirstOrDefault(i => i.Type == type)?.DanishTitle ?? type.ToString();
}
