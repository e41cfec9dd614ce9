namespace Indgang.Domain.Reception;

/// <summary>The date a checklist item's offset is counted from.</summary>
public enum TaskAnchor
{
    Arrival = 1,
    Day0 = 2,
}
