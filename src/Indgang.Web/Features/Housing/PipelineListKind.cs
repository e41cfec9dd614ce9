namespace Indgang.Web.Features.Housing;

/// <summary>
/// One of the two tables on the way to a permanent home (HOUSE-5), each paged on its own: its section's id (a page link
/// leads back to it), its heading (which names its page links, "Sider: …") and the name its page goes by in the address.
/// </summary>
public sealed record PipelineListKind(string Section, string Heading, string PageName)
{
    public static PipelineListKind Underway { get; } = new("pipeline-underway", "På vej til en permanent bolig", "side");

    public static PipelineListKind MovedOn { get; } = new("pipeline-moved", "Flyttet til en permanent bolig", "sideFlyttet");
}
