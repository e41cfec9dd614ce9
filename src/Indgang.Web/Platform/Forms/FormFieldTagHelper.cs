using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// A DKFDS form group: label, optional hint, the error beside the field, and the input with what the
/// user typed kept when the form comes back with errors. Usage:
/// <c>&lt;form-field for="Input.UserName" label="Brugernavn" autocomplete="username" /&gt;</c>
/// </summary>
[HtmlTargetElement("form-field", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> T) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }

    /// <summary>
    /// The keyboard a phone shows (numeric, decimal) for a number typed in a text field: a number field (type="number")
    /// sends nothing for what it cannot read, so the refusal could neither quote it nor keep it in the field.
    /// </summary>
    public string? Inputmode { get; set; }
    public string Width { get; set; } = "input-width-l";

    /// <summary>An explicit element id, when the same field appears in two forms on one page.</summary>
    public string? FieldId { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = FieldState.Of(ViewContext, For, T);
        var field = FieldId is null ? state : state with { Id = FieldId };
        var describedBy = new List<string>();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.Error is null ? "form-group" : "form-group form-error");

        var html = output.Content;
        html.AppendHtml($"<label class=\"form-label\" for=\"{field.Id}\">{encoder.Encode(Label)}</label>");
        if (Hint is not null)
        {
            describedBy.Add(field.Id + "-hint");
            html.AppendHtml($"<span class=\"form-hint\" id=\"{field.Id}-hint\">{encoder.Encode(Hint)}</span>");
        }

        if (SavedValues.NoteFor(ViewContext, field.Name, T) is { } saved)
        {
            describedBy.Add(field.Id + "-saved");
            html.AppendHtml(SavedValues.Html(field.Id, saved, encoder));
        }

        if (field.Error is not null)
        {
            describedBy.Add(field.Id + "-error");
            html.AppendHtml($"<span class=\"form-error-message\" id=\"{field.Id}-error\"><span class=\"sr-only\">{encoder.Encode(T["Fejl"].Value)}: </span>{encoder.Encode(field.Error)}</span>");
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("form-input " + Width);
        input.Attributes["id"] = field.Id;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = Type;
        if (!string.Equals(Type, "password", StringComparison.Ordinal))
        {
            input.Attributes["value"] = field.Value;
        }

        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (Inputmode is not null)
        {
            input.Attributes["inputmode"] = Inputmode;
        }

        if (describedBy.Count > 0)
        {
            input.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (field.Error is not null)
        {
            input.Attributes["aria-invalid"] = "true";
        }

        html.AppendHtml(input);
    }
}

/// <summary>Name, id, value and errors of one bound field, as the DKFDS helpers need them.</summary>
internal sealed record FieldState(string Name, string Id, string? Value, string? Error)
{
    // A message is Danish, the localizer's key: shown in the user's language when it has an entry, as it is when it
    // has none (a message written with values in it).
    public static FieldState Of(ViewContext view, ModelExpression expression, IStringLocalizer<SharedResource> texts)
    {
        var name = view.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        view.ViewData.ModelState.TryGetValue(name, out var entry);
        // All of a field's messages together, e.g. every password rule that was not met.
        var error = entry is null ? null : string.Join(' ', entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).Select(m => texts[m].Value));
        // What the user typed wins over the model, so a rejected value is shown back to them.
        var value = entry?.AttemptedValue ?? Format(expression.Model);
        return new FieldState(name, id, value, string.IsNullOrEmpty(error) ? null : error);
    }

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // As the hint asks for it and the binder reads it back (Kroner): øre after a comma (4520,50), and without the scale
        // the database may give it back with (5100, not 5100.0). Before, 4520.5, beside a hint that asks for 4.520,50.
        decimal amount when amount >= 0 => Kroner.Format(amount),
        decimal amount => amount.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
