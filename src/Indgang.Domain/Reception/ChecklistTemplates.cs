using Indgang.Domain.People;

namespace Indgang.Domain.Reception;

/// <summary>The arrival checklist for each household type, and its expansion into dated tasks.</summary>
public sealed class ChecklistTemplates
{
    private readonly Dictionary<HouseholdType, IReadOnlyList<ChecklistItem>> _templates;

    public ChecklistTemplates(IReadOnlyDictionary<HouseholdType, IReadOnlyList<ChecklistItem>> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = templates.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<ChecklistItem>)[.. pair.Value]);
    }

    public static ChecklistTemplates Default { get; } = new(DefaultChecklists.ByHouseholdType);

    public IReadOnlyList<ChecklistItem> For(HouseholdType type) =>
        _templates.TryGetValue(type, out var items)
            ? items
            : throw new ArgumentException($"No checklist template for {type}.", nameof(type));

    /// <summary>
    /// The template's tasks for these members, one per household item and one per matching member for
    /// personal items, ordered by due date. A member is a child if under 18 on the arrival date.
    /// </summary>
    public IReadOnlyList<PlannedTask> Expand(HouseholdType type, IReadOnlyList<ChecklistMember> members, DateOnly arrivalDate, DateOnly day0)
    {
        ArgumentNullException.ThrowIfNull(members);

        var tasks = new List<PlannedTask>();
        foreach (var item in For(type))
        {
            var due = (item.Anchor == TaskAnchor.Day0 ? day0 : arrivalDate).AddDays(item.OffsetDays);
            if (item.Scope == TaskScope.Household)
            {
                tasks.Add(new PlannedTask(item.Type, due, null, item.DanishTitle));
                continue;
            }

            for (var index = 0; index < members.Count; index++)
            {
                if (InScope(item.Scope, members[index], arrivalDate))
                {
                    tasks.Add(new PlannedTask(item.Type, due, index, PersonalTitle(item.DanishTitle, members[index])));
                }
            }
        }

        return [.. tasks.OrderBy(task => task.DueDate)];
    }

    /// <summary>
    /// The tasks of a member who joins a household later (REC-5), the member at <paramref name="joining"/> in
    /// <paramref name="household"/>: the household is classified as a whole, the joining member with those already in it
    /// (a baby born to a family is a child of that family, not a household of a minor alone), and of its checklist only
    /// the joining member's personal items are kept; the household's own items were made when it came.
    /// </summary>
    public IReadOnlyList<PlannedTask> ExpandJoining(
        IReadOnlyList<(ChecklistMember Member, ResidenceBasis Basis)> household, int joining, DateOnly arrivalDate, DateOnly day0)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentOutOfRangeException.ThrowIfNegative(joining);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(joining, household.Count);
        var type = HouseholdTypeClassifier.Classify([.. household.Select(m => (m.Member.BirthDate, m.Basis))], arrivalDate);
        return [.. Expand(type, [.. household.Select(m => m.Member)], arrivalDate, day0).Where(task => task.MemberIndex == joining)];
    }

    private static bool InScope(TaskScope scope, ChecklistMember member, DateOnly arrivalDate) => scope switch
    {
        TaskScope.EachMember => true,
        TaskScope.EachAdult => Age.IsAdultOn(member.BirthDate, arrivalDate),
        TaskScope.EachChild => !Age.IsAdultOn(member.BirthDate, arrivalDate),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown task scope."),
    };

    private static string PersonalTitle(string title, ChecklistMember member) =>
        string.IsNullOrWhiteSpace(member.FirstName) ? title : $"{title} – {member.FirstName.Trim()}";
}
