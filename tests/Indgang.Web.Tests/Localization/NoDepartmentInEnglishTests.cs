using System.Net;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// An arrival refused because the responsibilities name no department for some of its tasks: said in the reader's
/// language, the tasks by their types' names. Before, the refusal was a Danish sentence made with the Danish names, which
/// no localizer knew. Its own app: the tax card's department is taken out of the responsibilities.
/// </summary>
public sealed class NoDepartmentInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Registration_TaxCardWithoutDepartment_IsRefusedInTheReadersLanguage()
    {
        // Out of the responsibilities, and its default department (by code) not found either.
        await factory.QueryAsync(db => db.Responsibilities.Where(r => r.TaskType == TaskType.TaxCard).ExecuteDeleteAsync());
        await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "jobberiet").ExecuteUpdateAsync(d => d.SetProperty(x => x.Code, "jobberiet-omdoebt")));
        using var english = await Browser.SignedInEnglishAsync(factory, "koordinator");
        using var danish = await Browser.SignedInAsync(factory, "koordinator");

        var inEnglish = await RefusedAsync(english, "Ansvarengelsk");
        var inDanish = await RefusedAsync(danish, "Ansvardansk");

        Assert.Contains("The responsibilities name no department for: Tax card. Ask an administrator to correct them.", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Ansvarsfordelingen mangler en afdeling for: Skattekort. Bed en administrator om at rette den.", inDanish, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Households.CountAsync(h => h.Name.StartsWith("Ansvar"))));
    }

    private static async Task<string> RefusedAsync(Browser coordinator, string lastName)
    {
        using var response = await coordinator.PostFormAsync("/Reception/Register", Arrivals.Family(lastName));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
