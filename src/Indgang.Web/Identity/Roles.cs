namespace Indgang.Web.Identity;

/// <summary>The roles of Indgang. Names are stable: they are stored in the database.</summary>
public static class Roles
{
    public const string Coordinator = nameof(Coordinator);
    public const string DepartmentWorker = nameof(DepartmentWorker);
    public const string HousingCoordinator = nameof(HousingCoordinator);
    public const string VolunteerCoordinator = nameof(VolunteerCoordinator);
    public const string Manager = nameof(Manager);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
        [Coordinator, DepartmentWorker, HousingCoordinator, VolunteerCoordinator, Manager, Administrator];

    /// <summary>
    /// The roles that work a department's task list (<see cref="Policies.TaskWork"/>, the "Opgaver" menu, the
    /// department's notices). A housing coordinator or a manager may belong to a department without working its tasks.
    /// </summary>
    public static readonly string[] TaskWorkers = [DepartmentWorker, Coordinator];

    public static bool WorksTasks(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return TaskWorkers.Any(user.IsInRole);
    }

    /// <summary>The Danish name shown in the UI.</summary>
    public static string DisplayName(string role) => role switch
    {
        Coordinator => "Koordinator",
        DepartmentWorker => "Fagmedarbejder",
        HousingCoordinator => "Boligkoordinator",
        VolunteerCoordinator => "Frivilligkoordinator",
        Manager => "Leder",
        Administrator => "Administrator",
        _ => role,
    };
}
