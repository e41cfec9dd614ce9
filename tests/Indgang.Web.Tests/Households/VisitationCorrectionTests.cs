using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The date of the visitation decision typed wrong at registration is corrected from the household's page (»Ret
/// visitationsafgørelse«, <c>/Households/{id}/Visitation</c>): saved, the visited members' day 0 and the open checklist
/// tasks counted from it follow, logged for each member. Before, nothing corrected it. Bad input is refused beside the
/// field with what was typed kept; only the coordinator may correct; another's correction meanwhile is shown.
/// </summary>
public sealed class VisitationCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Corrected_Saved_Day0AndTheTasksCountedFromItFollow_LoggedForEachMember()
    {
        var (typedWrong, right, arrival) = (Today.AddDays(-70), Today.AddDays(-40), Today.AddDays(-10));
        var household = await VisitedAsync("Visitationsfejl", typedWrong, arrival);
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        var (day0Before, day0After) = (Day0(typedWrong, arrival), Day0(right, arrival));
        Assert.NotEqual(day0Before, day0After);
        Assert.Equal(day0Before, await BenefitsInformationDueAsync(household));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains($"href=\"{Url(household)}\"", await coordinator.GetPageAsync($"/Households/{household}"), StringComparison.Ordinal);

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(household))).PostAsync(Typed(Iso(right)));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(right, await StoredAsync(household));
        Assert.Equal(day0After, await BenefitsInformationDueAsync(household));
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.ArrivalChanged && e.SubjectPersonId == person));
        Assert.Equal($"Husstand {household:D}: visitationsafgørelse {Iso(typedWrong)} → {Iso(right)}, 1 opgaver flyttet", logged.Details);
    }

    [Theory]
    [InlineData("", VisitationModel.Needed)]
    [InlineData("1990-02-31", ArrivalValidator.InvalidDate)]
    [InlineData("tomorrow", VisitationModel.InTheFuture)]
    [InlineData("after-arrival", VisitationModel.AfterTheArrival)]
    [InlineData("1998-12-31", PlanningHorizon.TooFarBack)]
    public async Task BadInput_RefusedBesideTheField_WhatWasTypedKept_NothingSaved(string typed, string message)
    {
        var decided = Today.AddDays(-70);
        var household = await VisitedAsync($"Visitationsinput{typed.Length}{message.Length}", decided, Today.AddDays(-10));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var value = typed switch { "tomorrow" => Iso(Today.AddDays(1)), "after-arrival" => Iso(Today.AddDays(-5)), _ => typed };

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(household))).PostAsync(Typed(value));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: {message}", page.GetElementById("VisitationDecisionDate-error")?.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-error a[href='#VisitationDecisionDate']"));
        Assert.Equal(value, (page.GetElementById("VisitationDecisionDate") as IHtmlInputElement)?.Value);
        Assert.Equal(decided, await StoredAsync(household));
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("leder")]
    public async Task NotTheCaseOwner_IsRefused_AndNothingChanges(string userName)
    {
        var decided = Today.AddDays(-70);
        var household = await VisitedAsync($"Visitationsadgang{userName}", decided, Today.AddDays(-10));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(household));
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var shown = await browser.GetAsync(Url(household));
        var posted = await OpenedForm.Of(browser, Url(household), await browser.GetPageAsync("/"))
            .PostAsync(Typed(Iso(Today.AddDays(-40))).Append(new("Version", form.Hidden["Version"])));

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(decided, await StoredAsync(household));
    }

    [Fact]
    public async Task CorrectedByAnotherWhileEditing_TheirDateShownBesideMine_SavingAgainSavesMine()
    {
        var household = await VisitedAsync("Visitationssamtidig", Today.AddDays(-70), Today.AddDays(-10));
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(household))).PostAsync(Typed(Iso(Today.AddDays(-50))))).Status);

        var conflict = await formA.PostAsync(Typed(Iso(Today.AddDays(-40))));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{VisitationModel.SavedByOtherMessage}</li>", conflict.Html, StringComparison.Ordinal);
        var page = Parser.ParseDocument(conflict.Html);
        Assert.NotNull(page.GetElementById("VisitationDecisionDate-saved"));
        Assert.Equal(Iso(Today.AddDays(-40)), (page.GetElementById("VisitationDecisionDate") as IHtmlInputElement)?.Value);
        Assert.Equal(Today.AddDays(-50), await StoredAsync(household));

        var again = await OpenedForm.Of(a, Url(household), conflict.Html).PostAsync(Typed(Iso(Today.AddDays(-40))));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(Today.AddDays(-40), await StoredAsync(household));
    }

    private Task<Guid> VisitedAsync(string lastName, DateOnly decided, DateOnly arrival) =>
        factory.RegisterAsync(new ArrivalRequest(null, decided, arrival,
            [new ArrivalMember("Visiteret", lastName, new DateOnly(1982, 3, 3), Gender.Female, ResidenceBasis.VisitedRefugee)]));

    private static DateOnly Day0(DateOnly decided, DateOnly arrival) =>
        Day0Calculator.Denmark.Calculate(ResidenceBasis.VisitedRefugee, decided, null, arrival).Date;

    private Task<DateOnly> BenefitsInformationDueAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.BenefitsInformation).Select(t => t.DueDate).SingleAsync());

    private Task<DateOnly?> StoredAsync(Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.VisitationDecisionDate).SingleAsync());

    private static string Url(Guid household) => $"/Households/{household}/Visitation";

    private static Dictionary<string, string> Typed(string date) => new() { ["VisitationDecisionDate"] = date };
}
