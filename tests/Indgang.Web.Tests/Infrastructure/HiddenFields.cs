using System.Text.RegularExpressions;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>Reads a form's hidden field as the page rendered it, as a browser would post it back.</summary>
public static partial class HiddenFields
{
    public static string Value(string html, string name)
    {
        var match = HiddenInput().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name);
        Assert.True(match is not null, $"The page has no hidden field {name}.");
        return match.Groups["value"].Value;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
