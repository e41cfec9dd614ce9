using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.PlansAtTheReview;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// A reason for extending the plan longer than its column (PostgreSQL refused to save it, a server error) is refused
/// beside the field, with what was typed kept; the plan is not extended.
/// </summary>
public sealed class PlanExtensionReasonLengthTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ReasonTooLong_IsRefusedBesideTheField_ThenTheLongestIsSaved()
    {
        var person = await factory.PlanAtTheReviewAsync("Forlænglang");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var reason = new string('r', 1001);

        var refused = await (await OpenedForm.OpenAsync(coordinator, PlanUrl(person), $"{PlanUrl(person)}?handler=Extend")).PostAsync(new Dictionary<string, string> { ["ExtensionReason"] = reason });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("id=\"ExtensionReason-error\"><span class=\"sr-only\">Fejl: </span>Begrundelsen må højst være 1.000 tegn.</span>", refused.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{reason}\"", refused.Html, StringComparison.Ordinal);
        Assert.Null(await ReasonAsync(person));

        var longest = new string('s', 1000);
        var saved = await (await OpenedForm.OpenAsync(coordinator, PlanUrl(person), $"{PlanUrl(person)}?handler=Extend")).PostAsync(new Dictionary<string, string> { ["ExtensionReason"] = $" {longest} " });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(longest, await ReasonAsync(person));
    }

    private Task<string?> ReasonAsync(Guid person) => factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.ExtensionReason).SingleAsync());
}
