using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Indgang.Web.Tests.Households;

/// <summary>The "Bolig" section of the household page, read as its rows show it.</summary>
internal sealed class HouseholdHousingSection(IElement section)
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public sealed record Stay(string Unit, string Site, string Town, string Kind, string MovedIn, string MovedOut, string Days);

    public sealed record Registration(string Association, string RegisteredOn, string WaitingListNumber);

    public sealed record Offer(string Address, string OfferedOn, string Status);

    public static HouseholdHousingSection Of(string html)
    {
        var document = Parser.ParseDocument(html);
        return new(document.QuerySelector("[data-testid=household-housing]") ?? throw new InvalidOperationException("The household page has no housing section."));
    }

    /// <summary>A date as the page writes it.</summary>
    public static string Date(DateOnly day) => day.ToString("d. MMM yyyy", Danish);

    public string? EmptyState => section.QuerySelector("[data-testid=housing-empty]")?.TextContent.Trim();

    public string? DaysInTemporaryHousing => section.QuerySelector("[data-testid=days-in-temporary-housing]")?.TextContent is { } days ? Squeezed(days) : null;

    public string Text => Squeezed(section.TextContent);

    public IReadOnlyList<Stay> Stays => Rows("tr[data-stay]").Select(c => new Stay(c[0], c[1], c[2], c[3], c[4], c[5], c[6])).ToList();

    public IReadOnlyList<Registration> Registrations => Rows("tr[data-registration]").Select(c => new Registration(c[0], c[1], c[2])).ToList();

    public IReadOnlyList<Offer> Offers => Rows("tr[data-offer]").Select(c => new Offer(c[0], c[1], c[2])).ToList();

    private IEnumerable<string[]> Rows(string selector) =>
        section.QuerySelectorAll(selector).Select(r => r.Children.Select(cell => Squeezed(cell.TextContent)).ToArray());

    /// <summary>The text with each run of white space made one space, trimmed: as a reader meets it.</summary>
    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
