using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// Where a field stands in its form, read from the bound model: the forms show their fields in the order the model
/// declares them (<c>Input.SiteId</c> before <c>Input.Label</c>; <c>Members[0]</c> before <c>Members[1]</c>). The model
/// state keeps its own order, not the form's, and the error summary lists the errors in the form's (DKFDS).
/// </summary>
internal static class FormOrder
{
    /// <summary>
    /// The field's position as a path of property indexes and item numbers, or null for a key the model does not declare
    /// (a key a page makes up, such as one per row, or an item keyed by anything but a number). The model's own errors
    /// (key "") come first.
    /// </summary>
    public static int[]? PositionOf(ModelMetadata model, string key)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return [-1];
        }

        var position = new List<int>();
        var current = model;
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var property = current.Properties.Select((p, i) => (Property: p, Index: i))
                .FirstOrDefault(p => string.Equals(p.Property.PropertyName, name, StringComparison.OrdinalIgnoreCase));
            if (property.Property is null)
            {
                return null;
            }

            position.Add(property.Index);
            current = property.Property;
            if (bracket >= 0)
            {
                if (!int.TryParse(segment[(bracket + 1)..].TrimEnd(']'), NumberStyles.None, CultureInfo.InvariantCulture, out var item)
                    || current.ElementMetadata is not { } element)
                {
                    return null;
                }

                position.Add(item);
                current = element;
            }
        }

        return [.. position];
    }

    /// <summary>Orders positions as paths: element by element, a shorter path (a whole before its parts) first.</summary>
    public static IComparer<int[]> Comparer { get; } = Comparer<int[]>.Create((a, b) =>
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return a.Length.CompareTo(b.Length);
    });
}
