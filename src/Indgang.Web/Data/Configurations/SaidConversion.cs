using System.Text.Json;
using Indgang.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Indgang.Web.Data.Configurations;

/// <summary>How a message (<see cref="Said"/>) is kept in a column: a notice's, a closed task's reason.</summary>
internal static class SaidConversion
{
    /// <summary>As JSON (<see cref="SaidJsonConverter"/>): its text and what goes into it, said again in the reader's language.</summary>
    public static PropertyBuilder<Said?> AsJson(this PropertyBuilder<Said?> property) =>
        property.HasConversion(
            message => JsonSerializer.Serialize(message, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<Said>(json, (JsonSerializerOptions?)null));
}
