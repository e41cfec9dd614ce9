using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A waiting-list registration typed wrong is corrected, and one made by mistake or no longer standing is removed
/// (HOUSE-5), by the housing coordinator, from the pipeline; both are in the audit log with what it was.
/// </summary>
public sealed class RegistrationCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Correct_FromThePipeline_SavesTheNewValues_AuditedWithWhatItWas()
    {
        var (household, registration) = await RegisteredAsync("Rettelse", "Engholm Boligselskab", "EB-12");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var pipeline = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline"));
        var link = pipeline.QuerySelector($"a[href='/Housing/Pipeline/Registrations/{registration}']");
        Assert.Equal("Ret – opskrivning hos Engholm Boligselskab", link?.TextContent.Trim());
        var readsBefore = await ReadsAsync(household);
        var form = Parser.ParseDocument(await housing.GetPageAsync(Page(registration)));
        Assert.Equal("EB-12", form.QuerySelector("input[name='WaitingListNumber']")?.GetAttribute("value"));
        // The page shows the household's registration: a read, in the audit log.
        Assert.Equal(readsBefore + 1, await ReadsAsync(household));

        using var saved = await housing.PostFormAsync(Page(registration), Fields("Engholm Boligselskab", Today.AddDays(-3), "EB-21", PipelineEditPages.Version(form)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var now = await RegistrationAsync(registration);
        Assert.Equal(("Engholm Boligselskab", Today.AddDays(-3), "EB-21"), (now!.Association, now.RegisteredOn, now.WaitingListNumber));
        Assert.Equal(
            [$"Husstand {household:D}: Engholm Boligselskab, {Today.AddDays(-10):yyyy-MM-dd}, nr. EB-12 → Engholm Boligselskab, {Today.AddDays(-3):yyyy-MM-dd}, nr. EB-21"],
            await factory.PipelineWritesAsync(household, "opskrivning rettet"));
    }

    /// <summary>
    /// The household's case lists its registrations: the housing coordinator corrects one from there and comes back to
    /// the case; the case's own coordinator, who does not keep the pipeline, gets no link.
    /// </summary>
    [Fact]
    public async Task Correct_FromTheCase_BackToTheCase_OnlyForTheHousingCoordinator()
    {
        var (household, registration) = await RegisteredAsync("Frasagen", "Lillerød Boligforening", "LB-8");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var link = Parser.ParseDocument(await housing.GetPageAsync($"/Households/{household}")).QuerySelector("tr[data-registration] a[href]");
        Assert.Equal($"{Page(registration)}?fra=sag", link?.GetAttribute("href"));
        var form = Parser.ParseDocument(await housing.GetPageAsync(link!.GetAttribute("href")!));
        Assert.Equal($"/Households/{household}", form.QuerySelector("a.back-link")?.GetAttribute("href"));

        using var saved = await housing.PostFormAsync(link.GetAttribute("href")!, new Dictionary<string, string>(Fields("Lillerød Boligforening", Today.AddDays(-10), "LB-88", PipelineEditPages.Version(form))) { ["fra"] = "sag" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Households/{household}", saved.Headers.Location?.OriginalString);
        Assert.Equal("LB-88", (await RegistrationAsync(registration))!.WaitingListNumber);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var casePage = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.NotNull(casePage.QuerySelector("tr[data-registration]"));
        Assert.Null(casePage.QuerySelector("tr[data-registration] a"));
    }

    [Fact]
    public async Task BadInput_ADanishMessageBesideEachField_WhatWasTypedKept_NothingSaved()
    {
        var (_, registration) = await RegisteredAsync("Fejlrettelse", "Lillerød Boligforening", "LB-1");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(registration))));
        var tooLong = new string('7', 51);

        using var refused = await housing.PostFormAsync(Page(registration), Fields(" ", Today.AddDays(2), tooLong, version));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: Angiv boligselskabet.", page.GetElementById("Association-error")?.TextContent);
        Assert.Equal("Fejl: Datoen kan ikke ligge i fremtiden.", page.GetElementById("RegisteredOn-error")?.TextContent);
        Assert.Equal("Fejl: Ventelistenummeret må højst være 50 tegn.", page.GetElementById("WaitingListNumber-error")?.TextContent);
        Assert.Equal(Iso(Today.AddDays(2)), page.QuerySelector("input[name='RegisteredOn']")?.GetAttribute("value"));
        Assert.Equal(tooLong, page.QuerySelector("input[name='WaitingListNumber']")?.GetAttribute("value"));
        Assert.Equal(3, page.QuerySelectorAll(".error-summary li a, .alert-error li a").Length);
        Assert.Equal("LB-1", (await RegistrationAsync(registration))!.WaitingListNumber);
    }

    [Fact]
    public async Task Remove_GoneFromThePipeline_AuditedWithWhatItWas()
    {
        var (household, registration) = await RegisteredAsync("Sletning", "Allerød Boligselskab", null);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(registration))));

        using var removed = await housing.PostFormAsync($"{Page(registration)}?handler=Remove", new Dictionary<string, string> { ["Version"] = version }, formPage: Page(registration));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await RegistrationAsync(registration));
        Assert.DoesNotContain(registration.ToString(), await housing.GetPageAsync("/Housing/Pipeline"), StringComparison.Ordinal);
        Assert.Equal([$"Husstand {household:D}: Allerød Boligselskab, {Today.AddDays(-10):yyyy-MM-dd}"], await factory.PipelineWritesAsync(household, "opskrivning slettet"));
    }

    /// <summary>
    /// Another coordinator corrected the number while the form was open: the save is refused, theirs is shown beside the
    /// field, what was typed stays; saved again, it goes over theirs deliberately.
    /// </summary>
    [Fact]
    public async Task CorrectedByAnotherMeanwhile_Refused_TheirsBesideTheField_SavedAgainOverIt()
    {
        var (_, registration) = await RegisteredAsync("Samtidigrettelse", "Engholm Boligselskab", "EB-3");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(registration))));
        await CorrectAsync(registration, "EB-33");

        using var refused = await housing.PostFormAsync(Page(registration), Fields("Engholm Boligselskab", Today.AddDays(-10), "EB-30", version));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains(RegistrationEditModel.CorrectedByOtherOnSave, page.QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("EB-30", page.QuerySelector("input[name='WaitingListNumber']")?.GetAttribute("value"));
        Assert.Contains("EB-33", page.GetElementById("WaitingListNumber-saved")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("Association-saved"));
        Assert.Equal("EB-33", (await RegistrationAsync(registration))!.WaitingListNumber);

        using var again = await housing.PostFormAsync(Page(registration), Fields("Engholm Boligselskab", Today.AddDays(-10), "EB-30", PipelineEditPages.Version(page)));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("EB-30", (await RegistrationAsync(registration))!.WaitingListNumber);
    }

    [Fact]
    public async Task RemovedByAnotherMeanwhile_SaidSo_WhatWasTypedKept()
    {
        var (_, registration) = await RegisteredAsync("Slettetimens", "Engholm Boligselskab", "EB-4");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(registration))));
        await factory.QueryAsync(db => db.HousingRegistrations.Where(r => r.Id == registration).ExecuteDeleteAsync());

        using var refused = await housing.PostFormAsync(Page(registration), Fields("Engholm Boligselskab", Today.AddDays(-10), "EB-44", version), formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Opskrivningen er slettet af en anden, mens du rettede den.", page.QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("EB-44", page.QuerySelector("input[name='WaitingListNumber']")?.GetAttribute("value"));
    }

    /// <summary>
    /// Once the household is no longer on its way to a permanent home through us (here: moved into one of our permanent
    /// units), its registrations are history: the pipeline offers no correction, the page says why, and a post is refused.
    /// </summary>
    [Fact]
    public async Task HouseholdNoLongerOnTheWay_NoCorrection_PostRefused_NothingChanged()
    {
        var (household, registration) = await RegisteredAsync("Ikkeretbar", "Engholm Boligselskab", "EB-5");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(registration))));
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Ikke ret permanent", isPermanent: true), household, Today);

        var shown = Parser.ParseDocument(await housing.GetPageAsync(Page(registration)));
        using var refused = await housing.PostFormAsync($"{Page(registration)}?handler=Remove", new Dictionary<string, string> { ["Version"] = version }, formPage: Page(registration));

        Assert.Null(shown.QuerySelector("form input[name='WaitingListNumber']"));
        Assert.Equal(PermanentHousingSteps.HadPermanentHome, shown.QuerySelector(".alert-info .alert-text")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PermanentHousingSteps.HadPermanentHome, Parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await RegistrationAsync(registration));
        Assert.Empty(await factory.PipelineWritesAsync(household, "opskrivning slettet"));
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("sekretariat")]
    public async Task OtherRoles_MayNotOpenIt(string userName)
    {
        var (_, registration) = await RegisteredAsync($"Adgang{userName}", "Engholm Boligselskab", null);
        using var other = await Browser.SignedInAsync(factory, userName);

        using var response = await other.GetAsync(Page(registration));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string Page(Guid registration) => $"/Housing/Pipeline/Registrations/{registration}";

    private static Dictionary<string, string> Fields(string association, DateOnly registeredOn, string waitingListNumber, string version) => new()
    {
        ["Association"] = association, ["RegisteredOn"] = Iso(registeredOn), ["WaitingListNumber"] = waitingListNumber, ["Version"] = version,
    };

    /// <summary>A household arrived today, registered on a waiting list ten days ago.</summary>
    private async Task<(Guid Household, Guid Registration)> RegisteredAsync(string lastName, string association, string? number)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        var registration = await factory.QueryAsync(async db =>
        {
            var made = db.HousingRegistrations.Add(new HousingRegistration(household, association, Today.AddDays(-10), number)).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        return (household, registration);
    }

    private Task<int> CorrectAsync(Guid registration, string number) => factory.QueryAsync(async db =>
    {
        var r = await db.HousingRegistrations.SingleAsync(x => x.Id == registration);
        r.Correct(r.Association, r.RegisteredOn, number);
        return await db.SaveChangesAsync();
    });

    private Task<HousingRegistration?> RegistrationAsync(Guid registration) =>
        factory.QueryAsync(db => db.HousingRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registration));

    private Task<int> ReadsAsync(Guid household) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HouseholdRead && e.Details!.StartsWith($"Husstand {household:D}")));
}
