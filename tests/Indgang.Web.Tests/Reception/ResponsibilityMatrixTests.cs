using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

public sealed class ResponsibilityMatrixTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ChangeOwner_NewArrivalsGetTheTaskInTheNewDepartment()
    {
        var technical = await DepartmentAsync("teknik-drift");
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var form = await CurrentFormAsync();
        form[$"Owners[{TaskType.LeaseContract}]"] = technical.ToString();

        using var saved = await admin.PostFormAsync("/Admin/Responsibilities", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.ResponsibilityChanged)));

        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var registered = await coordinator.PostFormAsync("/Reception/Register", Arrivals.Family("Matrix"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var leaseOwner = await factory.QueryAsync(db => (from t in db.Tasks join h in db.Households on t.HouseholdId equals h.Id
                                                         where h.Name == "Familien Matrix" && t.Type == TaskType.LeaseContract select t.DepartmentId).SingleAsync());
        Assert.Equal(technical, leaseOwner);
    }

    [Fact]
    public async Task SaveWithoutAnOwnerOrWithUnknownDepartment_IsRejected()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var form = await CurrentFormAsync();
        form[$"Owners[{TaskType.TaxCard}]"] = "";
        form[$"Owners[{TaskType.GpRegistration}]"] = Guid.NewGuid().ToString();

        using var response = await admin.PostFormAsync("/Admin/Responsibilities", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vælg hvilken afdeling der ejer", html, StringComparison.Ordinal);
        Assert.Contains("Afdelingen findes ikke.", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A row with no department when the form was opened (a new installation, or a task type added by a release) that
    /// another administrator has given one since: this save adds it again, the row's key refuses it (on SQLite as a
    /// primary key, which was not taken for another's save: a 500), and the form is shown again with the department
    /// saved now, nothing saved.
    /// </summary>
    [Fact]
    public async Task SaveOverARowAddedByAnotherSinceTheFormWasOpened_IsShownAgain_NothingSaved()
    {
        var technical = await DepartmentAsync("teknik-drift");
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var form = await CurrentFormAsync();
        form[$"Owners[{TaskType.TaxCard}]"] = technical.ToString();
        form[$"Opened[{TaskType.TaxCard}]"] = "";
        var before = await factory.QueryAsync(db => db.Responsibilities.AsNoTracking().OrderBy(r => r.TaskType).Select(r => new { r.TaskType, r.DepartmentId }).ToListAsync());

        using var response = await admin.PostFormAsync("/Admin/Responsibilities", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ansvarsfordelingen er ændret af en anden, mens du rettede den.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Responsibilities.AsNoTracking().OrderBy(r => r.TaskType).Select(r => new { r.TaskType, r.DepartmentId }).ToListAsync()));
    }

    /// <summary>The form as the page shows it: each row's department, and the department it was opened on.</summary>
    private async Task<Dictionary<string, string>> CurrentFormAsync() =>
        (await factory.QueryAsync(db => db.Responsibilities.ToListAsync()))
            .SelectMany(r => new[] { ($"Owners[{r.TaskType}]", r.DepartmentId.ToString()), ($"Opened[{r.TaskType}]", r.DepartmentId.ToString()) })
            .ToDictionary(f => f.Item1, f => f.Item2);

    private Task<Guid> DepartmentAsync(string code) =>
        factory.QueryAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
}
