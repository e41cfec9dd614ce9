using System.Net;
using Indgang.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>Staff the demo does not have, created as the administrator creates them on the users page.</summary>
public static class StaffUsers
{
    /// <summary>A new coordinator; returns the user's id.</summary>
    public static async Task<string> CreateCoordinatorAsync(this IndgangAppFactory factory, string userName, string displayName)
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var created = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = displayName,
            ["Input.Password"] = "Godt-Kodeord-1",
            ["Input.Roles"] = "Coordinator",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
    }

    /// <summary>A new worker of a department (by its code, e.g. "sekretariatet"); returns the user's id.</summary>
    public static async Task<string> CreateDepartmentWorkerAsync(this IndgangAppFactory factory, string userName, string displayName, string departmentCode)
    {
        var department = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync());
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var created = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = displayName,
            ["Input.Password"] = "Godt-Kodeord-1",
            ["Input.Roles"] = "DepartmentWorker",
            ["Input.DepartmentId"] = department.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
    }
}
