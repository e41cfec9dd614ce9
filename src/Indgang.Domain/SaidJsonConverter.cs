using System.Text.Json;
using System.Text.Json.Serialization;

namespace Indgang.Domain;

/// <summary>
/// A <see cref="Said"/> kept as JSON (a stored placement run's explanations) and read back so that it can still be
/// said in the reader's language: <c>{"text": "…", "arguments": […]}</c>. Arguments are written as what they are and
/// read back as whole numbers (<see cref="long"/>), other numbers (<see cref="decimal"/>), texts, true/false, or a
/// <see cref="Said"/> of their own (a clause of a longer message), so a number is formatted again as a number
/// ("1.200" in Danish, "1,200" in English). Any other argument comes back as what JSON made of it: a date as its ISO
/// text, so a message with a date is not one to keep this way. A plain JSON string reads as a message without
/// arguments, as texts were stored before they kept their arguments.
/// </summary>
public sealed class SaidJsonConverter : JsonConverter<Said>
{
    private const string TextName = "text";
    private const string ArgumentsName = "arguments";

    public override Said Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Said(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A message is a text or an object, not {reader.TokenType}.");
        }

        string? text = null;
        var arguments = new List<object>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, TextName, StringComparison.OrdinalIgnoreCase))
            {
                text = reader.GetString();
            }
            else if (string.Equals(name, ArgumentsName, StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    arguments.Add(Argument(ref reader, options));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new Said(text ?? throw new JsonException("A message without its text."), [.. arguments]);
    }

    public override void Write(Utf8JsonWriter writer, Said value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(TextName, value.Text);
        writer.WriteStartArray(ArgumentsName);
        foreach (var argument in value.Arguments)
        {
            JsonSerializer.Serialize(writer, argument, argument.GetType(), options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private object Argument(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetInt64(out var whole) ? (object)whole : reader.GetDecimal(),
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.StartObject => Read(ref reader, typeof(Said), options),
        _ => throw new JsonException($"A message's argument cannot be {reader.TokenType}."),
    };
}
