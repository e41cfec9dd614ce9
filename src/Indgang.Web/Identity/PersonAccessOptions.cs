namespace Indgang.Web.Identity;

/// <summary>
/// How long a department keeps its need-to-know for a household after its last task there is closed
/// (<see cref="PersonAccess"/>): long enough to answer a question about the work just done, not for good.
/// </summary>
public sealed class PersonAccessOptions
{
    public const string Section = "Indgang:PersonAccess";

    /// <summary>Days after the department's last task for the household was closed (0: access ends with the task).</summary>
    public int DaysAfterLastTask { get; set; } = 30;
}
