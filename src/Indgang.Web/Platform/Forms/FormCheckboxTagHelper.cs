using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Indgang.Web.Platform.Forms;

/// <summary>A DKFDS checkbox bound to a bool; keeps the user's choice on errors.</summary>
[HtmlTargetElement("form-checkbox", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormCheckboxTagHelper(HtmlEncoder encoder) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = FieldState.Of(ViewContext, For);
        var isChecked = string.Equals(field.Value, "true", StringComparison.OrdinalIgnoreCase)
            || (field.Value?.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase) ?? false);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-group-checkbox");
        // The hidden "false" makes an unticked box bind as false, as ASP.NET Core's own helper does.
        output.Content.AppendHtml(
            $"<input class=\"form-checkbox\" type=\"checkbox\" id=\"{field.Id}\" name=\"{field.Name}\" value=\"true\"{(isChecked ? " checked" : "")} />" +
            $"<label for=\"{field.Id}\">{encoder.Encode(Label)}</label>" +
            $"<input type=\"hidden\" name=\"{field.Name}\" value=\"false\" />");
    }
}
