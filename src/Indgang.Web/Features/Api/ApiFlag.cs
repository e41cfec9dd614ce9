using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// A yes/no query parameter of the API (<c>stepFree</c>, <c>all</c>), read as the pages' binder reads a check box: left
/// out or empty is no; "true" or "false" in any case; anything else is refused under the parameter's name in the
/// problem details, with the pages' message in the reader's language, not the framework's bare 400.
/// </summary>
internal static class ApiFlag
{
    /// <summary>The flag's value; false, with its error added, when it cannot be read.</summary>
    public static bool Read(string? value, string name, Dictionary<string, string[]> errors, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(texts);
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (bool.TryParse(value.Trim(), out var flag))
        {
            return flag;
        }

        errors[name] = [texts["Værdien '{0}' er ikke gyldig.", value].Value];
        return false;
    }
}
