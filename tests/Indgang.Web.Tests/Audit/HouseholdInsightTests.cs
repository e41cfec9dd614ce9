using System.Net;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Features.Admin.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// A citizen who asks who has seen their data is also told who opened their household: its page and the housing lists
/// show every member, but are logged once for the household, not per person. From the moment the citizen belongs to it
/// (registered with it, or joined it later), and never another household's entries.
/// </summary>
public sealed class HouseholdInsightTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task HouseholdPageOpened_ShownInEachMembersInsight_AsAboutTheHousehold()
    {
        var household = await factory.RegisterFamilyAsync("Indsigtshusstand");
        var other = await factory.RegisterFamilyAsync("Andenhusstand");
        var mother = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Mor").Select(p => p.Id).SingleAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await housing.GetPageAsync($"/Households/{household}");
        await housing.GetPageAsync($"/Households/{other}");

        var rows = await InsightAsync(mother);

        var opened = Assert.Single(rows, r => r.Action == nameof(AuditAction.HouseholdRead) && r.Actor == "bolig");
        Assert.True(opened.ViaHousehold);
        Assert.Equal(AuditLog.Household(household), opened.Details);
        Assert.Contains(rows, r => r.Action == nameof(AuditAction.HouseholdCreated) && r.ViaHousehold);
        Assert.Contains(rows, r => r.Action == nameof(AuditAction.PersonCreated) && !r.ViaHousehold);
        Assert.DoesNotContain(rows, r => r.Details?.Contains(other.ToString(), StringComparison.Ordinal) == true);
        Assert.Equal(rows.OrderBy(r => r.Sequence).Select(r => r.Sequence), rows.Select(r => r.Sequence));

        using var admin = await Browser.SignedInAsync(factory, "admin");
        var page = WebUtility.HtmlDecode(await admin.GetPageAsync($"/Admin/Audit?PersonId={mother}"));
        Assert.Contains("<td>Husstanden</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Borgeren</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberJoinedLater_SeesTheHouseholdsEntriesFromTheirJoining_NotFromBefore()
    {
        var household = await factory.RegisterFamilyAsync("Senereindsigt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await housing.GetPageAsync($"/Households/{household}");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var joined = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Sara",
            ["Input.Members[0].LastName"] = "Senereindsigt",
            ["Input.Members[0].BirthDate"] = Iso(Today.AddYears(-7)),
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Child",
            ["JoinedOn"] = Iso(Today),
            ["CprRegisteredOn"] = Iso(Today),
        });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var sara = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Sara").Select(p => p.Id).SingleAsync());
        await housing.GetPageAsync($"/Households/{household}");

        var rows = await InsightAsync(sara);

        Assert.Equal(nameof(AuditAction.MemberAdded), rows[0].Action);
        var read = Assert.Single(rows, r => r.Action == nameof(AuditAction.HouseholdRead) && r.Actor == "bolig");
        Assert.True(read.ViaHousehold);
        Assert.DoesNotContain(rows, r => r.Action == nameof(AuditAction.HouseholdCreated));
        var readsOfTheHousehold = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HouseholdRead && e.Actor == "bolig" && e.Details == AuditLog.Household(household)));
        Assert.Equal(2, readsOfTheHousehold);
    }

    /// <summary>The citizen's insight as the administrator exports it (JSON).</summary>
    private async Task<List<AuditRow>> InsightAsync(Guid person)
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var json = await admin.GetPageAsync($"/Admin/Audit?handler=Export&personId={person}&format=json");
        return JsonSerializer.Deserialize<List<AuditRow>>(json, Web)!;
    }
}
