using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// The programme maximum is 5 years after the programme start: once the start is recorded as met, from that day, no
/// longer an estimate counted from the latest start day 0 allows. Day 0 here is 1 March 2024 (a visitation decision of
/// 15 January 2024), so the latest start is 1 April 2024 and the programme started on 10 March 2024.
/// </summary>
public sealed class ProgrammeStartTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly DateOnly Started = new(2024, 3, 10);

    [Fact]
    public async Task CasePage_ProgrammeStartRecorded_MaximumIsFiveYearsAfterIt_NotAnEstimate()
    {
        var (household, person) = await StartedAsync("Startdag");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var row = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"))
            .QuerySelector($"tr[data-deadline='ProgrammeMaximum']:has(a[href*='{person}'])");

        Assert.NotNull(row);
        var legal = row.QuerySelectorAll("td")[1].TextContent;
        Assert.Contains(new DateOnly(2029, 3, 10).ToString("d. MMM yyyy", Danish), legal, StringComparison.Ordinal);
        Assert.DoesNotContain(new DateOnly(2029, 4, 1).ToString("d. MMM yyyy", Danish), legal, StringComparison.Ordinal);
        Assert.DoesNotContain("skøn", row.QuerySelectorAll("td")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanEdit_ActivityPastFiveYearsAfterTheRecordedStart_RefusedBesideTheField()
    {
        var (_, person) = await StartedAsync("Planslut");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = "",
            ["Input.Goals[0].Text"] = "Ordinært job",
            ["Input.Activities[0].Kind"] = "DanishEducation",
            ["Input.Activities[0].Title"] = "Danskuddannelse modul 6",
            ["Input.Activities[0].Start"] = "2028-09-01",
            // Before the estimated maximum (1 April 2029), after the real one (10 March 2029).
            ["Input.Activities[0].End"] = "2029-03-20",
            ["Input.Activities[0].Status"] = "Planned",
        };

        using var refused = await coordinator.PostFormAsync($"/People/{person}/Plan", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: Programmet slutter senest 10. marts 2029 (5 år). Intet kan planlægges efter den dato.",
            page.GetElementById("Input_Activities_0__End-error")?.TextContent);
        Assert.False(await factory.QueryAsync(db => db.Plans.AnyAsync(p => p.PersonId == person)));

        form["Input.Activities[0].End"] = "2029-03-10";
        using var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>A visited refugee with day 0 on 1 March 2024 whose programme start is recorded as met on 10 March 2024.</summary>
    private async Task<(Guid Household, Guid Person)> StartedAsync(string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, new DateOnly(2024, 1, 15), new DateOnly(2024, 3, 1),
            [new ArrivalMember("Rahel", lastName, new DateOnly(1990, 5, 1), Gender.Female, ResidenceBasis.VisitedRefugee)]));
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=ProgrammeStart";
        using var met = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = person.ToString(),
            ["Kind"] = "ProgrammeStart",
            ["CompletedOn"] = Arrivals.Iso(Started),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, met.StatusCode);
        return (household, person);
    }
}
