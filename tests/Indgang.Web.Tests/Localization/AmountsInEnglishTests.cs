using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// An amount in kroner is written one way in English, the currency first as the English texts' own sentences write it
/// (»DKK 6,250.50«): the stock list and the unit's page wrote »6,250.50 DKK« and »6,250.50 DKK per month« beside an
/// offer's »DKK 7,450 a month« (found by exploratory review).
/// </summary>
public sealed class AmountsInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task StockListAndUnitPage_WriteTheCurrencyFirst()
    {
        var unit = await factory.UnitOfItsOwnAsync("Pundbolig", rent: 6250.50m);
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        var details = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var list = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing?Filter.Search={Uri.EscapeDataString("Pundbolig")}"));

        Assert.Contains("<dd>DKK 6,250.50 per month</dd>", details, StringComparison.Ordinal);
        Assert.Contains(">DKK 6,250.50</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("6,250.50 DKK", details + list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RentCaps_WriteTheCurrencyFirst()
    {
        using var admin = await Browser.SignedInEnglishAsync(factory, "admin");

        var html = WebUtility.HtmlDecode(await admin.GetPageAsync("/Admin/RentCaps"));

        Assert.Matches(@">DKK \d{1,3}(,\d{3})*</td>", html);
        Assert.DoesNotMatch(@"\d DKK</td>", html);
    }
}
