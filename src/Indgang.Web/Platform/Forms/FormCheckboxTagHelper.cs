using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>A DKFDS checkbox bound to a bool; keeps the user's choice on errors.</summary>
[HtmlTargetElement("form-checkbox", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormCheckboxTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> T) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";

    /// <summary>A hint under the label, read with the box (aria-describedby).</summary>
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = FieldState.Of(ViewContext, For, T);
        var isChecked = string.Equals(field.Value, "true", StringComparison.OrdinalIgnoreCase)
            || (field.Value?.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase) ?? false);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        // The hidden "false" makes an unticked box bind as false, as ASP.NET Core's own helper does.
        var saved = SavedValues.NoteFor(ViewContext, field.Name, T);
        string[] described =
        [
            .. Hint is null ? [] : new[] { field.Id + "-hint" },
            .. field.Error is null ? [] : new[] { field.Id + "-error" },
            .. saved is null ? [] : new[] { field.Id + "-saved" },
        ];
        var describedBy = described.Length == 0 ? "" : $" aria-describedby=\"{string.Join(' ', described)}\"";
        var checkbox =
            $"<input class=\"form-checkbox\" type=\"checkbox\" id=\"{field.Id}\" name=\"{field.Name}\" value=\"true\"{(isChecked ? " checked" : "")}{describedBy} />" +
            $"<label for=\"{field.Id}\">{encoder.Encode(Label)}</label>" +
            (Hint is null ? "" : $"<span class=\"form-hint\" id=\"{field.Id}-hint\">{encoder.Encode(Hint)}</span>") +
            (saved is null ? "" : SavedValues.Html(field.Id, saved, encoder)) +
            $"<input type=\"hidden\" name=\"{field.Name}\" value=\"false\" />";
        if (field.Error is null)
        {
            output.Attributes.SetAttribute("class", "form-group-checkbox");
            output.Content.AppendHtml(checkbox);
            return;
        }

        // The error beside the box (DKFDS), as for the other fields.
        output.Attributes.SetAttribute("class", "form-group form-error");
        output.Content.AppendHtml(
            $"<span class=\"form-error-message\" id=\"{field.Id}-error\"><span class=\"sr-only\">{encoder.Encode(T["Fejl"].Value)}: </span>{encoder.Encode(field.Error)}</span>" +
            $"<div class=\"form-group-checkbox\">{checkbox}</div>");
    }
}
