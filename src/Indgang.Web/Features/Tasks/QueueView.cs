namespace Indgang.Web.Features.Tasks;

/// <summary>Which of the department's open tasks the work list shows ("Vis" in the address).</summary>
public enum QueueView
{
    /// <summary>Every open task of the department ("alle").</summary>
    All,

    /// <summary>Taken by the signed-in worker ("mine").</summary>
    Mine,

    /// <summary>Open and taken by no one ("ledige").</summary>
    Free,

    /// <summary>Due before today, and not waiting for the household's first home ("overskredne").</summary>
    Overdue,
}

/// <summary>The views' values in the address and their names on the page, Danish as the address is.</summary>
public static class QueueViews
{
    public static IReadOnlyList<QueueView> All { get; } = Enum.GetValues<QueueView>();

    public static string Value(QueueView view) => view switch
    {
        QueueView.Mine => "mine",
        QueueView.Free => "ledige",
        QueueView.Overdue => "overskredne",
        _ => "alle",
    };

    /// <summary>The view a value names, or every open task for a value that names none (nothing, a typo).</summary>
    public static QueueView Read(string? value) =>
        All.FirstOrDefault(v => string.Equals(Value(v), value?.Trim(), StringComparison.OrdinalIgnoreCase), QueueView.All);

    /// <summary>The view's name on the filter, with {0} for how many tasks it has: "Overskredne (12)".</summary>
    public static string Label(QueueView view) => view switch
    {
        QueueView.Mine => "Mine ({0})",
        QueueView.Free => "Ledige ({0})",
        QueueView.Overdue => "Overskredne ({0})",
        _ => "Alle ({0})",
    };
}
