using System.Globalization;
using System.Net;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>A year's quota set on the forecast page, as the housing coordinator does: the page opened, then the form sent.</summary>
public static class ForecastQuotas
{
    public const string Page = "/Housing/Forecast";
    public const string Post = "/Housing/Forecast?handler=Quota";

    /// <summary>The page opened (its version of the quotas in the form), then the year's quota sent.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> SetQuotaAsync(this Browser housing, int year, int persons) =>
        await (await OpenedForm.OpenAsync(housing, Page, Post)).PostAsync(Fields(year, persons));

    public static Dictionary<string, string> Fields(int year, int persons) => new()
    {
        ["QuotaYear"] = year.ToString(CultureInfo.InvariantCulture), ["QuotaPersons"] = persons.ToString(CultureInfo.InvariantCulture),
    };
}
