using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Indgang.Web.Platform.Tables;

/// <summary>
/// Every DKFDS table (<c>class="table …"</c>) in its own horizontal scroll box (<c>table--responsive-scroll</c>), so
/// that on a narrow screen a wide table scrolls by itself and the page does not: every table, as no page should have
/// to remember it.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed class ScrollingTableTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var classes = output.Attributes["class"]?.Value?.ToString()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!classes.Contains("table", StringComparer.Ordinal))
        {
            return;
        }

        output.PreElement.SetHtmlContent("<div class=\"table--responsive-scroll\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
