using System.Globalization;
using System.Text.Json.Serialization;

namespace Indgang.Domain;

/// <summary>
/// A message the domain writes for a person to read, with what goes into it kept apart: its Danish
/// <see cref="Text"/> with composite-format places ({0}, {1:d. MMMM yyyy}) and the <see cref="Arguments"/> for them. The
/// web shows it in the reader's language, with the Danish text as the localizer's key; <see cref="ToString"/> writes it
/// in Danish (the audit log, a test). Without arguments the text is the whole message, braces and all: it is not a format.
/// Kept as JSON through <see cref="SaidJsonConverter"/>.
/// </summary>
[JsonConverter(typeof(SaidJsonConverter))]
public sealed record Said(string Text, params object[] Arguments)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>A message with nothing put into it, as it stands.</summary>
    public static implicit operator Said(string text) => new(text);

    public override string ToString() => Arguments.Length == 0 ? Text : string.Format(Danish, Text, Arguments);

    /// <summary>The same text with the same arguments, in order (a record would compare the argument arrays by reference).</summary>
    public bool Equals(Said? other) =>
        other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal) && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Text, StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }
}
