using Indgang.Domain;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform;

/// <summary>
/// A message written in the domain (<see cref="Said"/>), in the reader's language: its Danish text is the key, and an
/// argument that is a message of its own (a clause of a longer one) is said in the reader's language too.
/// </summary>
public static class SaidText
{
    public static string Say(this IStringLocalizer localizer, Said said)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(said);
        return said.Arguments.Length == 0
            ? localizer[said.Text].Value
            : localizer[said.Text, [.. said.Arguments.Select(a => a is Said clause ? localizer.Say(clause) : a)]].Value;
    }

    /// <summary>
    /// A text kept with its message (a notice's, a closed task's reason): the message in the reader's language, or, when
    /// none was kept (a text typed by a person, or one from before messages were kept), the text as recorded.
    /// </summary>
    public static string? Say(this IStringLocalizer localizer, Said? said, string? recorded) =>
        said is null ? recorded : localizer.Say(said);
}
