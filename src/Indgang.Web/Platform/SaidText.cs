using Indgang.Domain;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform;

/// <summary>A message written in the domain (<see cref="Said"/>), in the reader's language: its Danish text is the key.</summary>
public static class SaidText
{
    public static string Say(this IStringLocalizer localizer, Said said)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(said);
        return said.Arguments.Length == 0 ? localizer[said.Text].Value : localizer[said.Text, said.Arguments].Value;
    }
}
