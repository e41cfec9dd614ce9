using Indgang.Domain.Deadlines;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform;

/// <summary>
/// A period ("1 år og 6 måneder", "2 uger") in the reader's language. <see cref="Period.ToString"/> is Danish, for the
/// audit log; a page says it through the localizer, each part with its noun in the right number.
/// </summary>
public static class PeriodText
{
    public static string Say(this IStringLocalizer localizer, Period period)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var parts = new List<string>();
        if (period.Years != 0)
        {
            // "år" is both the singular and the plural in Danish, so one year is a key of its own.
            parts.Add(period.Years == 1 ? localizer["1 år"] : localizer["{0} år", period.Years]);
        }

        if (period.Months != 0)
        {
            parts.Add(localizer.Count(period.Months, "{0} måned", "{0} måneder"));
        }

        if (period.Weeks != 0)
        {
            parts.Add(localizer.Count(period.Weeks, "{0} uge", "{0} uger"));
        }

        if (period.Days != 0 || parts.Count == 0)
        {
            parts.Add(localizer.Count(period.Days, "{0} dag", "{0} dage"));
        }

        return parts.Count == 1 ? parts[0] : localizer["{0} og {1}", string.Join(", ", parts[..^1]), parts[^1]];
    }
}
