using System.Globalization;
using System.Net;

namespace Indgang.Web.Features.Housing;

/// <summary>An SVG &lt;text&gt; element with encoded content (Razor cannot write one directly).</summary>
public static class SvgText
{
    public static string Of(int x, int y, string cssClass, string content) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" class=\"{cssClass}\">{WebUtility.HtmlEncode(content)}</text>");
}
