namespace Indgang.Web.Identity;

/// <summary>Named authorization policies: who the caller is. What they may do to one record is checked after loading it.</summary>
public static class Policies
{
    /// <summary>Any signed-in member of staff, whatever their role.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>May open a person's case at all (per-record rules decide which persons).</summary>
    public const string PersonData = nameof(PersonData);

    public const string Coordination = nameof(Coordination);
    public const string DepartmentWork = nameof(DepartmentWork);

    /// <summary>Works a department's task list: department workers, and coordinators for their own unit's tasks.</summary>
    public const string TaskWork = nameof(TaskWork);
    public const string Housing = nameof(Housing);

    /// <summary>
    /// May read the capacity forecast (HOUSE-4): housing coordinators, and managers, whom it serves for the pavilion
    /// decision; it shows numbers only, no person (PLAT-2). Only housing coordinators set the quota on it.
    /// </summary>
    public const string HousingForecast = nameof(HousingForecast);
    public const string Volunteering = nameof(Volunteering);
    public const string Management = nameof(Management);
    public const string Administration = nameof(Administration);
}
