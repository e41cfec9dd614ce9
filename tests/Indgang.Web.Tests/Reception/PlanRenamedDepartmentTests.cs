using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Plans;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// PLAN-2: an activity names its department as it was called when the plan was saved. A department renamed since is
/// still the activity's in the plan form (shown as its own option, "… (omdøbt eller nedlagt)"), and a save keeps it: the
/// form showed no department, so the next save dropped it without a word. A name the plan never had is still refused.
/// </summary>
public sealed class PlanRenamedDepartmentTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ADepartmentRenamed_StaysTheActivitysInTheForm_AndASaveKeepsIt()
    {
        var person = await PersonAsync("Omdøbt");
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using (var created = await admin.PostFormAsync("/Admin/Organisation/Department", new Dictionary<string, string> { ["Name"] = "Sprogskolen", ["Code"] = "sprogskole" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", Form("Sprogskolen", version: null)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var department = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "sprogskole").Select(d => d.Id).SingleAsync());
        var departmentForm = await admin.GetPageAsync($"/Admin/Organisation/Department/{department}");
        using (var renamed = await admin.PostFormAsync($"/Admin/Organisation/Department/{department}", new Dictionary<string, string>
        {
            ["Name"] = "Sprogcenter Nord",
            ["Version"] = HiddenFields.Value(departmentForm, "Version"),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        var page = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}/Plan"));
        var chosen = page.QuerySelector("select[name='Input.Activities[0].DepartmentName'] option[selected]");
        Assert.Equal(("Sprogskolen", "Sprogskolen (omdøbt eller nedlagt)"), (chosen?.GetAttribute("value"), chosen?.TextContent));
        Assert.Null(page.QuerySelector("select[name='Input.Activities[1].DepartmentName'] option[value='Sprogskolen']"));
        Assert.NotNull(page.QuerySelector("select[name='Input.Activities[0].DepartmentName'] option[value='Sprogcenter Nord']"));

        // The form posts the option it showed selected, as a browser does.
        var form = Form(chosen!.GetAttribute("value")!, await VersionAsync(person));
        form["Input.Activities[0].Status"] = "Ongoing";
        using (var again = await coordinator.PostFormAsync($"/People/{person}/Plan", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var latest = await factory.QueryAsync(db => db.PlanVersions.Where(v => db.Plans.Any(p => p.Id == v.PlanId && p.PersonId == person))
            .OrderByDescending(v => v.Number).Select(v => v.ContentJson).FirstAsync());
        var activity = new PlanVersion(Guid.Empty, 2, "", "", default, latest).Content.Activities.Single();
        Assert.Equal(("Sprogskolen", ActivityStatus.Ongoing), (activity.DepartmentName, activity.Status));
    }

    [Fact]
    public async Task ADepartmentThePlanNeverHad_IsStillRefused()
    {
        var person = await PersonAsync("Ukendtafdeling");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/People/{person}/Plan", Form("Afdelingen der ikke findes", version: null));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: Vælg en afdeling fra listen.", page.QuerySelector("#Input_Activities_0__DepartmentName-error")?.TextContent);
        Assert.False(await factory.QueryAsync(db => db.Plans.AnyAsync(p => p.PersonId == person)));
    }

    private static Dictionary<string, string> Form(string department, Guid? version) => new()
    {
        ["Input.Version"] = version?.ToString() ?? "",
        ["Input.Activities[0].Kind"] = "DanishEducation",
        ["Input.Activities[0].Title"] = "Dansk 1",
        ["Input.Activities[0].DepartmentName"] = department,
        ["Input.Activities[0].Start"] = Arrivals.Iso(Arrivals.Today.AddDays(3)),
        ["Input.Activities[0].Status"] = "Planned",
    };

    private Task<Guid> VersionAsync(Guid person) =>
        factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.Version).SingleAsync());

    private async Task<Guid> PersonAsync(string lastName)
    {
        var household = await factory.RegisterSingleAsync(lastName, firstName: "Afdelingrid");
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
    }
}
