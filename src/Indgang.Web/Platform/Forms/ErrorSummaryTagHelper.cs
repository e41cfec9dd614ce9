using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// The DKFDS error summary at the top of a form: each error links to its field. Renders nothing
/// when the form has no errors. Usage: <c>&lt;error-summary /&gt;</c>
/// The heading and the messages are Danish keys, shown in the user's language at render time.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> T) : TagHelper
{
    public const string DefaultHeading = "Der er problemer";

    public string Heading { get; set; } = DefaultHeading;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (Key: e.Key, Message: e.Value!.Errors[0].ErrorMessage))
            .Where(e => !string.IsNullOrEmpty(e.Message))
            .Select(e => (e.Key, Message: T[e.Message].Value))
            .ToList();
        if (errors.Select(e => FormOrder.PositionOf(ViewContext.ViewData.ModelMetadata, e.Key)).ToList() is var positions && positions.All(p => p is not null))
        {
            // Every error is of a field the model declares: in the order the form shows them. (Otherwise, as added.)
            errors = [.. errors.Zip(positions).OrderBy(e => e.Second!, FormOrder.Comparer).Select(e => e.First)];
        }

        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-error");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("data-module", "error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-heading");
        var html = output.Content;
        html.AppendHtml($"<div class=\"alert-body\"><h2 class=\"alert-heading\" id=\"error-summary-heading\">{encoder.Encode(T[Heading].Value)}</h2><ul class=\"alert-text nobullet-list\">");
        foreach (var (key, message) in errors)
        {
            html.AppendHtml(key.Length == 0
                ? $"<li>{encoder.Encode(message)}</li>"
                : $"<li><a class=\"function-link\" href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{encoder.Encode(message)}</a></li>");
        }

        html.AppendHtml("</ul></div>");
    }
}
