using System.Globalization;
using Indgang.Domain.Housing;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>The home an offer describes, as the pages show it: "4 værelser, 7.450 kr. pr. måned"; null when the offer says neither.</summary>
public static class OfferedHome
{
    public static string? Facts(HousingOffer offer, IStringLocalizer texts, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(texts);
        var facts = new List<string>(2);
        if (offer.Rooms is { } rooms)
        {
            facts.Add(rooms == 1 ? texts["1 værelse"].Value : texts["{0} værelser", rooms].Value);
        }

        if (offer.MonthlyRent is { } rent)
        {
            facts.Add(texts["{0} kr. pr. måned", Platform.Kroner.Shown(rent, culture)].Value);
        }

        return facts.Count == 0 ? null : string.Join(", ", facts);
    }
}
