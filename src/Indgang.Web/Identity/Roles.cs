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
