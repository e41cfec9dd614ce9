using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// A DKFDS select with label and the error beside it; keeps the user's choice on errors. An option's text is shown
/// through the shared localizer: fixed texts ("Vælg", genders, statuses) have an English entry, data (towns,
/// departments, people) has none and is shown as it is.
/// </summary>
[HtmlTargetElement("form-select", Attributes = "for,label,items", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormSelectTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> T) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public string? Hint { get; set; }

    /// <summary>
    /// The text of an option for a value the field holds that is none of <see cref="Items"/>, with the value as {0}: a
    /// department since renamed, say, that a saved row still names. Shown selected, so that a save keeps the value; left
    /// out (the first option is selected, as the browser does) when not given.
    /// </summary>
    public string? Unlisted { get; set; }

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
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.Error is null ? "form-group" : "form-group form-error");
        var describedBy = new List<string>();
        var html = output.Content;
        html.AppendHtml($"<label class=\"form-label\" for=\"{field.Id}\">{encoder.Encode(Label)}</label>");
        if (Hint is not null)
        {
            describedBy.Add(field.Id + "-hint");
            html.AppendHtml($"<span class=\"form-hint\" id=\"{field.Id}-hint\">{encoder.Encode(Hint)}</span>");
        }

        if (SavedValues.NoteFor(ViewContext, field.Name, T, Items) is { } saved)
        {
            describedBy.Add(field.Id + "-saved");
            html.AppendHtml(SavedValues.Html(field.Id, saved, encoder));
        }

        if (field.Error is not null)
        {
            describedBy.Add(field.Id + "-error");
            html.AppendHtml($"<span class=\"form-error-message\" id=\"{field.Id}-error\"><span class=\"sr-only\">{encoder.Encode(T["Fejl"].Value)}: </span>{encoder.Encode(field.Error)}</span>");
        }

        var describedByAttribute = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        // Told to assistive technology as well as shown: the field is the one in error (WCAG 3.3.1), as the inputs are.
        var invalidAttribute = field.Error is not null ? " aria-invalid=\"true\"" : "";
        html.AppendHtml($"<select class=\"form-select\" id=\"{field.Id}\" name=\"{field.Name}\"{describedByAttribute}{invalidAttribute}>");
        // Items of a group (SelectListItem.Group) come together, under the group's label.
        SelectListGroup? group = null;
        foreach (var item in Items)
        {
            if (item.Group != group)
            {
                html.AppendHtml(group is null ? "" : "</optgroup>");
                group = item.Group;
                html.AppendHtml(group is null ? "" : $"<optgroup label=\"{encoder.Encode(T[group.Name].Value)}\">");
            }

            var selected = string.Equals(item.Value, field.Value, StringComparison.Ordinal) ? " selected" : "";
            html.AppendHtml($"<option value=\"{encoder.Encode(item.Value)}\"{selected}>{encoder.Encode(T[item.Text].Value)}</option>");
        }

        html.AppendHtml(group is null ? "" : "</optgroup>");

        if (Unlisted is not null && field.Value is { Length: > 0 } value && Items.All(i => !string.Equals(i.Value, value, StringComparison.Ordinal)))
        {
            html.AppendHtml($"<option value=\"{encoder.Encode(value)}\" selected>{encoder.Encode(T[Unlisted, value].Value)}</option>");
        }

        html.AppendHtml("</select>");
    }
}
