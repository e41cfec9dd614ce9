using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform;

/// <summary>
/// A number with its noun: Danish, like English, has one form for exactly one ("1 seng") and another for every other
/// number, zero too ("0 senge", "3 senge"). Both forms are whole sentences with {0} for the number, so that a translation
/// can put the number where its language wants it.
/// </summary>
public static class CountedText
{
    public static LocalizedString Count(this IStringLocalizer localizer, int count, string one, string other)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[Domain.Counted.Form(count, one, other), count];
    }
}
