using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// What the API says of one field of a body it could not read, found by following the field's JSON path
/// ("members[0].birthDate") through the endpoint's request type as the serializer sees it: a field the type does not
/// have is unknown (a misspelt field would otherwise be passed over and its value lost, as an unknown CSV column is
/// refused); a known one is told how its kind of value is written — a day, a number, a yes/no, one of the choices named.
/// </summary>
public static class UnreadableField
{
    public const string Unknown = "Feltet findes ikke. Tjek stavningen mod API-beskrivelsen; intet er gemt.";
    public const string Day = "Værdien kan ikke læses. Skriv en dag som ÅÅÅÅ-MM-DD, fx 2026-12-24.";
    public const string Number = "Værdien kan ikke læses. Skriv et tal uden anførselstegn, fx 3 eller 4520.50.";
    public const string YesNo = "Værdien kan ikke læses. Skriv true eller false uden anførselstegn.";
    public const string Text = "Værdien kan ikke læses. Skriv en tekst i anførselstegn.";
    public const string Id = "Værdien kan ikke læses. Skriv et id som det, API'et har givet (fx 0f8fad5b-d9cb-469f-a165-70867728950e).";
    public const string Choice = "Værdien kan ikke læses. Skriv et af valgene: {0}.";
    public const string List = "Værdien kan ikke læses. Skriv en liste i [ ].";
    public const string Value = "Værdien kan ikke læses. Skriv en dag som ÅÅÅÅ-MM-DD, et tal uden anførselstegn og et valg med dets navn.";

    /// <summary>The message for the field at <paramref name="path"/> of a <paramref name="requestType"/> body.</summary>
    public static string Message(Type? requestType, string path, JsonSerializerOptions options, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(T);
        if (requestType is null)
        {
            return T[Value];
        }

        var type = TypeAt(requestType, path, options);
        if (type is null)
        {
            return T[Unknown];
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => T[Day],
            _ when type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) => T[Number],
            _ when type == typeof(bool) => T[YesNo],
            _ when type == typeof(string) => T[Text],
            _ when type == typeof(Guid) => T[Id],
            { IsEnum: true } => T[Choice, string.Join(", ", Enum.GetNames(type))],
            _ when options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable => T[List],
            _ => T[Value],
        };
    }

    /// <summary>The type the serializer reads at <paramref name="path"/> ("members[0].birthDate"); null when a name on the way is no field of its object.</summary>
    private static Type? TypeAt(Type root, string path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
            // "members[0]": one element of the list.
            for (var i = bracket; i >= 0 && i < segment.Length; i = segment.IndexOf('[', i + 1))
            {
                type = options.GetTypeInfo(type).ElementType ?? type;
            }
        }

        return type;
    }
}
