using System.Net;
using Indgang.Domain.Plans;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// Two coordinators edit one "Min plan": the one who saves second sees the other's plan beside the fields, row by row,
/// keeps their own, and saves it as the next version by pressing "Gem planen" again.
/// </summary>
public sealed class PlanConflictTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task SavedByAnotherWhileEditing_TheirPlanShownBesideMineKept_SavingAgainSavesMine()
    {
        var rania = await factory.PersonIdAsync("Rania");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        using var created = await a.PostFormAsync(Url(rania), Form(await VersionAsync(rania)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(rania)), "Input.Version");
        var theirs = Form(await VersionAsync(rania));
        theirs["Input.Goals[0].Text"] = "Kollegaens mål";
        theirs["Input.Goals[0].SubGoals"] = "Dansk niveau 3\r\nKørekort";
        theirs["Input.Activities[0].Status"] = "Ongoing";
        using var bSaved = await b.PostFormAsync(Url(rania), theirs);
        Assert.Equal(HttpStatusCode.Redirect, bSaved.StatusCode);
        var versions = await VersionNumberAsync(rania);

        var mine = Form(Guid.Parse(opened));
        mine["Input.Goals[0].Text"] = "Mit eget mål";
        using var conflict = await a.PostFormAsync(Url(rania), mine);
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(", efter du åbnede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem planen« igen for at gemme din plan som en ny version i stedet.</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Mit eget mål\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_Goals_0__Text-saved\">Gemt af en anden: Kollegaens mål</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_Goals_0__SubGoals-saved\">Gemt af en anden: Dansk niveau 3\nKørekort</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Goals_0__SubGoals-saved\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_Activities_0__Status-saved\">Gemt af en anden: I gang</span>", html, StringComparison.Ordinal);
        // The activities both kept as they were: nothing beside them.
        Assert.DoesNotContain("Input_Activities_0__Title-saved", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input_Activities_1__Status-saved", html, StringComparison.Ordinal);
        Assert.Equal((await VersionAsync(rania)).ToString(), HiddenFields.Value(html, "Input.Version"));
        Assert.Equal(versions, await VersionNumberAsync(rania));

        mine["Input.Version"] = HiddenFields.Value(html, "Input.Version");
        using var again = await a.PostFormAsync(Url(rania), mine);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(versions + 1, await VersionNumberAsync(rania));
        var content = await factory.QueryAsync(db => db.PlanVersions.Where(v => db.Plans.Any(p => p.Id == v.PlanId && p.PersonId == rania))
            .OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync());
        Assert.Equal("Mit eget mål", content.Goals[0].Text);
        Assert.Equal(ActivityStatus.Planned, content.Activities[0].Status);
    }

    private static string Url(Guid person) => $"/People/{person}/Plan";

    private Task<Guid?> VersionAsync(Guid person) => factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => (Guid?)p.Version).SingleOrDefaultAsync());

    private Task<int> VersionNumberAsync(Guid person) => factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.CurrentVersionNumber).SingleAsync());

    private static Dictionary<string, string> Form(Guid? version) => new()
    {
        ["Input.Version"] = version?.ToString() ?? "",
        ["Input.Goals[0].Text"] = "Ordinært job inden for 2 år",
        ["Input.Goals[0].SubGoals"] = "Dansk niveau 2\r\nKørekort",
        ["Input.Activities[0].Kind"] = "DanishEducation",
        ["Input.Activities[0].Title"] = "Danskuddannelse modul 1",
        ["Input.Activities[0].DepartmentName"] = "Borgerservice – Jobberiet",
        ["Input.Activities[0].Start"] = Arrivals.Iso(Arrivals.Today.AddDays(7)),
        ["Input.Activities[0].End"] = Arrivals.Iso(Arrivals.Today.AddMonths(6)),
        ["Input.Activities[0].Status"] = "Planned",
        ["Input.Activities[1].Kind"] = "CompanyInternship",
        ["Input.Activities[1].Title"] = "Virksomhedspraktik i Netto",
        ["Input.Activities[1].Start"] = Arrivals.Iso(Arrivals.Today.AddMonths(1)),
        ["Input.Activities[1].Status"] = "Planned",
    };
}
