using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// An activity row of Min plan where only the department (or only the status) is chosen is refused for what it lacks,
/// what was chosen kept; before, it counted as blank and the save dropped it without a word (found by the coordinator
/// review).
/// </summary>
public sealed class PlanRowHalfFilledTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("Input.Activities[0].DepartmentName", "Sekretariatet")]
    [InlineData("Input.Activities[0].Status", "Ongoing")]
    public async Task AnActivityRowWithOnlyOneChoice_IsRefusedForItsType_TheChoiceKept_NothingSaved(string field, string value)
    {
        var household = await factory.RegisterSingleAsync($"Halvraekke{value}", firstName: "Halvrid");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/People/{person}/Plan", new Dictionary<string, string>
        {
            ["Input.Version"] = "",
            ["Input.Activities[0].Status"] = "Planned",
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: Vælg aktivitetstype.", page.QuerySelector("#Input_Activities_0__Kind-error")?.TextContent);
        Assert.Equal(value, page.QuerySelector($"select[name='{field}'] option[selected]")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Plans.AnyAsync(p => p.PersonId == person)));
    }
}
