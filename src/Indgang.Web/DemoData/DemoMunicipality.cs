using Indgang.Web.Identity;

namespace Indgang.Web.DemoData;

internal sealed record DemoDepartment(string Code, string Name);

internal sealed record DemoUser(string UserName, string DisplayName, string Role, string? DepartmentCode);

/// <summary>Allerød as described in its refugee strategy 2023 (seed 001): towns and departments.</summary>
internal static class DemoMunicipality
{
    // Rounded inhabitants, for spreading placements in proportion; an administrator keeps the real figures.
    public static readonly (string Name, int Population)[] Towns = [("Lillerød", 16_000), ("Blovstrød", 3_000), ("Lynge", 3_700), ("Engholm", 1_500)];

    public static readonly DemoDepartment[] Departments =
    [
        new("jobberiet", "Borgerservice – Jobberiet"),
        new("sekretariatet", "Sekretariatet"),
        new("boern-familier", "Borgerservice – Børn og Familier"),
        new("skole-dagtilbud", "Skole- og dagtilbud"),
        new("aeldre-sundhed", "Ældre og Sundhed"),
        new("teknik-drift", "Teknik og drift"),
    ];

    public static readonly DemoUser[] Users =
    [
        new("koordinator", "Mette Holm", Roles.Coordinator, "jobberiet"),
        new("sekretariat", "Jens Lund", Roles.DepartmentWorker, "sekretariatet"),
        new("skole", "Anne Berg", Roles.DepartmentWorker, "skole-dagtilbud"),
        new("boernefamilie", "Sofie Krogh", Roles.DepartmentWorker, "boern-familier"),
        new("sundhed", "Lars Winther", Roles.DepartmentWorker, "aeldre-sundhed"),
        new("teknik", "Peter Dahl", Roles.DepartmentWorker, "teknik-drift"),
        new("bolig", "Hanne Friis", Roles.HousingCoordinator, "jobberiet"),
        new("frivillig", "Camilla Bach", Roles.VolunteerCoordinator, "jobberiet"),
        new("leder", "Thomas Vang", Roles.Manager, null),
        new("admin", "IT-administrator", Roles.Administrator, null),
    ];
}
