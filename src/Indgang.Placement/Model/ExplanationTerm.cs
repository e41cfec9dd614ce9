using System.Text.Json.Serialization;
using Indgang.Domain;

namespace Indgang.Placement;

/// <summary>
/// One reason behind a suggestion, with its points: <see cref="Text"/> is Danish with what goes into it kept apart
/// (<see cref="ExplanationTexts"/>), so the web shows it in the reader's language; <see cref="DanishText"/> is it written
/// out. Stored as "danishText", the name it had when runs kept the written-out text only: such a run reads it back as a
/// message without arguments.
/// </summary>
public sealed record ExplanationTerm(string Code, [property: JsonPropertyName("danishText")] Said Text, long Points)
{
    [JsonIgnore]
    public string DanishText => Text.ToString();
}
