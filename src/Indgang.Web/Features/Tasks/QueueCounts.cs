namespace Indgang.Web.Features.Tasks;

/// <summary>How many of the department's open tasks (those the search finds) each view shows: "Overskredne (12)".</summary>
public sealed record QueueCounts(int All, int Mine, int Free, int Overdue)
{
    public static QueueCounts None { get; } = new(0, 0, 0, 0);

    public int Of(QueueView view) => view switch
    {
        QueueView.Mine => Mine,
        QueueView.Free => Free,
        QueueView.Overdue => Overdue,
        _ => All,
    };
}
