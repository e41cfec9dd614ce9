using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Indgang.Domain;

/// <summary>
/// A <see cref="Said"/> kept as JSON (a stored placement run's explanations) and read back so that it can still be
/// said in the reader's language: <c>{"text": "…", "arguments": […]}</c>. Arguments are written as what they are and
/// read back as whole numbers (<see cref="long"/>), other numbers (<see cref="decimal"/>), texts, true/false, days
/// (<see cref="DateOnly"/>, kept as <c>{"date": "2026-12-07"}</c>), or a <see cref="Said"/> of their own (a clause of a
/// longer message), so a number or a day is formatted again as one ("1.200" and "7. december 2026" in Danish, "1,200"
/// and "7 December 2026" in English). Any other argument comes back as what JSON made of it. A plain JSON string reads
/// as a message without arguments, as texts were stored before they kept their arguments.
/// </summary>
public sealed class SaidJsonConverter : JsonConverter<Said>
{
    private const string TextName = "text";
    private const string ArgumentsName = "arguments";
    private const string DateName = "date";
    private const string DateFormat = "yyyy-MM-dd";

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

        return ReadObject(ref reader, options) as Said ?? throw new JsonException("A message is not a day.");
    }

    /// <summary>An object: a message (its text and arguments) or a day.</summary>
    private object ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? text = null;
        DateOnly? day = null;
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
            else if (string.Equals(name, DateName, StringComparison.OrdinalIgnoreCase))
            {
                day = DateOnly.TryParseExact(reader.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var read)
                    ? read
                    : throw new JsonException($"A day is written {DateFormat}.");
            }
            else
            {
                reader.Skip();
            }
        }

        if (day is { } readDay)
        {
            return readDay;
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
            if (argument is DateOnly day)
            {
                writer.WriteStartObject();
                writer.WriteString(DateName, day.ToString(DateFormat, CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }
            else
            {
                JsonSerializer.Serialize(writer, argument, argument.GetType(), options);
            }
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
        JsonTokenType.StartObject => ReadObject(ref reader, options),
        _ => throw new JsonException($"A message's argument cannot be {reader.TokenType}."),
    };
}
