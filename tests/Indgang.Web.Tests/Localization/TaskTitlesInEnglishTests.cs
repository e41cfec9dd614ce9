using System.Net;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// A task's title in the reader's language: the name of its type through the localizer, whom or what it is for (a first
/// name, a home) as stored. Before, the department's work list and the household's tasks showed the Danish title to a
/// reader who had chosen English.
/// </summary>
public sealed class TaskTitlesInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task WorkListAndHouseholdPage_EnglishChosen_ShowTheTypeInEnglish_TheNameAsItIs()
    {
        var household = await factory.RegisterSingleAsync("Opgavetitel", firstName: "Olena");
        using var coordinator = await Browser.SignedInEnglishAsync(factory, "koordinator");

        var workList = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/Tasks?Soeg=Opgavetitel"));
        var householdPage = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));

        Assert.Contains(">Tax card – Olena</h2>", workList, StringComparison.Ordinal);
        Assert.Contains("<td>Tax card – Olena</td>", householdPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Skattekort", workList + householdPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkList_NoLanguageChosen_ShowsTheTitleAsStored()
    {
        await factory.RegisterSingleAsync("Opgavetiteldansk", firstName: "Amal");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var workList = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/Tasks?Soeg=Opgavetiteldansk"));

        Assert.Contains(">Skattekort – Amal</h2>", workList, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaskType.TaxCard, "Skattekort", "Tax card")]
    [InlineData(TaskType.TaxCard, "Skattekort – Olena", "Tax card – Olena")]
    [InlineData(TaskType.LeaseContract, "Lejekontrakt – Engvej 77, 1. th.", "Lease – Engvej 77, 1. th.")]
    // Another type's name, or a name not followed by the separator, is not this type's title: shown as stored.
    [InlineData(TaskType.BankAccount, "Skattekort – Olena", "Skattekort – Olena")]
    [InlineData(TaskType.TaxCard, "Skattekortet er bestilt", "Skattekortet er bestilt")]
    public void TaskTitle_InEnglish(TaskType type, string stored, string shown)
    {
        var texts = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-GB");
        try
        {
            Assert.Equal(shown, texts.TaskTitle(type, stored));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
