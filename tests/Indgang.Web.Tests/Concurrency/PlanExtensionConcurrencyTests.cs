using System.Net;
using Indgang.Domain.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The plan is extended at the one-year review once: a second extension, at the same moment or from a page opened
/// before the first, is told in Danish that another has just extended it, with the reason saved shown beside the field
/// and the reason typed kept in it; nothing of theirs is saved until they press the button again.
/// </summary>
public sealed class PlanExtensionConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string ExtendedByOther = "Planen er lige blevet forlænget af en anden.";

    [Fact]
    public async Task TwoExtendAtOnce_OneIsSaved_TheOtherIsToldAndKeepsTheirReason()
    {
        var person = await factory.PlanAtTheReviewAsync("Forlængsamtidig");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(person), $"{Url(person)}?handler=Extend");
        var formB = await OpenedForm.OpenAsync(b, Url(person), $"{Url(person)}?handler=Extend");
        string[] reasons = ["Ikke selvforsørgende (A)", "Ikke selvforsørgende (B)"];
        // The extension is one conditional UPDATE, not a save: both are held there, after both have made their checks.
        factory.HoldStatements(2, command => command.CommandText.StartsWith("UPDATE \"Plans\"", StringComparison.Ordinal));

        var results = await Task.WhenAll(formA.PostAsync(Reason(reasons[0])), formB.PostAsync(Reason(reasons[1])));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var told = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains(ExtendedByOther, told.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{reasons[1 - winner]}\"", told.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"ExtensionReason-saved\">Gemt af en anden: {reasons[winner]}</span>", told.Html, StringComparison.Ordinal);
        Assert.Equal(reasons[winner], await ReasonAsync(person));
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.PlanExtended, person));
        // The reason is kept on the plan, not copied into the log, which can be neither corrected nor erased.
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Details!.Contains("Ikke selvforsørgende"))));
    }

    [Fact]
    public async Task ExtendedByAnotherSinceThePageWasOpened_TheOtherIsTold_AndPressingAgainSavesTheirReason()
    {
        var person = await factory.PlanAtTheReviewAsync("Forlængfør");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(a, Url(person), $"{Url(person)}?handler=Extend");
        await factory.QueryAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.PersonId == person)).Extend("Forlænget af en anden", Arrivals.Today);
            return await db.SaveChangesAsync();
        });

        var told = await form.PostAsync(Reason("Min begrundelse"));

        Assert.Equal(HttpStatusCode.OK, told.Status);
        Assert.Contains(ExtendedByOther, told.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Min begrundelse\"", told.Html, StringComparison.Ordinal);
        Assert.Equal("Forlænget af en anden", await ReasonAsync(person));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PlanExtended, person));

        var again = await OpenedForm.Of(a, $"{Url(person)}?handler=Extend", told.Html).PostAsync(Reason("Min begrundelse"));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("Min begrundelse", await ReasonAsync(person));
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.PlanExtended, person));
    }

    private static string Url(Guid person) => $"/People/{person}/Plan";

    private static Dictionary<string, string> Reason(string reason) => new() { ["ExtensionReason"] = reason };

    private Task<string?> ReasonAsync(Guid person) => factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.ExtensionReason).SingleAsync());
}
