using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// After an edit conflict (someone else saved the record while the user was editing): what is saved now, kept by the
/// form field's name for each field where it differs from what the user typed. The form's tag helpers show it beside the
/// field ("Gemt af en anden: …"); the user's own value stays in the field.
/// </summary>
public sealed class SavedValues
{
    public const string Note = "Gemt af en anden: {0}";
    public const string Empty = "(tomt)";

    private const string ViewDataKey = "Indgang.SavedValues";
    private readonly Dictionary<string, object?> byField = new(StringComparer.Ordinal);

    public static SavedValues For(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        if (viewData[ViewDataKey] is not SavedValues values)
        {
            values = new SavedValues();
            viewData[ViewDataKey] = values;
        }

        return values;
    }

    /// <summary>One field: kept when the saved value is not what was typed.</summary>
    public void Field(string name, object? typed, object? saved)
    {
        if (!Same(typed, saved))
        {
            byField[name] = saved;
        }
    }

    /// <summary>
    /// Every settable property of an input object (<c>SiteInput</c>, <c>UnitInput</c>), named "prefix.Property"; a list
    /// of row inputs is compared row by row ("prefix.Goals[0].Text"), a missing row as an empty one.
    /// </summary>
    public void Fields(string prefix, object typed, object saved)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(saved);
        foreach (var property in typed.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite))
        {
            var name = $"{prefix}.{property.Name}";
            var (typedValue, savedValue) = (property.GetValue(typed), property.GetValue(saved));
            if (typedValue is IList typedRows && savedValue is IList savedRows)
            {
                var rowType = property.PropertyType.GetGenericArguments().Single();
                for (var i = 0; i < Math.Max(typedRows.Count, savedRows.Count); i++)
                {
                    Fields($"{name}[{i}]", Row(typedRows, i, rowType), Row(savedRows, i, rowType));
                }
            }
            else
            {
                Field(name, typedValue, savedValue);
            }
        }
    }

    /// <summary>Leaves a field out, e.g. the version itself, which is no value the user typed.</summary>
    public void Forget(string name) => byField.Remove(name);

    /// <summary>
    /// The note beside a field, or null when the field shows what is saved; a drop-down's saved value is shown by its
    /// option's text (<paramref name="items"/>).
    /// </summary>
    internal static string? NoteFor(ViewContext view, string name, IStringLocalizer<SharedResource> texts, IEnumerable<SelectListItem>? items = null)
    {
        if (view.ViewData[ViewDataKey] is not SavedValues values || !values.byField.TryGetValue(name, out var saved))
        {
            return null;
        }

        return texts[Note, Display(saved, texts, items)].Value;
    }

    /// <summary>
    /// What is saved now for a field a page shows its own way (a list of checkboxes, a row of a table), or false when
    /// the field shows what is saved.
    /// </summary>
    internal static bool TryGetSaved(ViewContext view, string name, out object? saved)
    {
        saved = null;
        return view.ViewData[ViewDataKey] is SavedValues values && values.byField.TryGetValue(name, out saved);
    }

    /// <summary>The note as a DKFDS hint, its id <c>{field id}-saved</c> for the field's aria-describedby.</summary>
    internal static string Html(string fieldId, string note, HtmlEncoder encoder) =>
        $"<span class=\"form-hint\" id=\"{fieldId}-saved\">{encoder.Encode(note)}</span>";

    private static string Display(object? saved, IStringLocalizer<SharedResource> texts, IEnumerable<SelectListItem>? items)
    {
        var posted = FieldState.Format(saved);
        if (string.IsNullOrWhiteSpace(posted))
        {
            return texts[Empty].Value;
        }

        if (items?.FirstOrDefault(i => string.Equals(i.Value, posted, StringComparison.Ordinal)) is { } item)
        {
            return texts[item.Text].Value;
        }

        return saved switch
        {
            bool yes => texts[yes ? "Ja" : "Nej"].Value,
            DateOnly date => date.ToString(DatePatterns.DayMonthYear, CultureInfo.CurrentCulture),
            // An amount as 4.200,5 whatever scale the database keeps it at (4200.00 from PostgreSQL's numeric).
            decimal amount => amount.ToString("#,##0.##", CultureInfo.CurrentCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            _ => posted,
        };
    }

    /// <summary>
    /// Equal as a form shows them: an empty text is no text, spaces around it do not count, and a text area's line
    /// breaks (\r\n from the browser) are line breaks.
    /// </summary>
    private static bool Same(object? typed, object? saved) => (typed, saved) switch
    {
        (string or null, string or null) => string.Equals(Text(typed), Text(saved), StringComparison.Ordinal),
        _ => Equals(typed, saved),
    };

    private static string Text(object? text) => ((string?)text)?.ReplaceLineEndings("\n").Trim() ?? "";

    private static object Row(IList rows, int index, Type rowType) => index < rows.Count && rows[index] is { } row ? row : Activator.CreateInstance(rowType)!;
}
