namespace Indgang.Web.Audit;

/// <summary>
/// How often the audit chain's end is anchored while the application runs (<c>Indgang:Audit:AnchorMinutes</c>), checked at
/// start. The interval is how many of the newest rows could be cut from the end without the check seeing it, so it is
/// short; a pass that finds no row written since the last anchor writes none, and an idle server writes no anchors.
/// </summary>
public sealed class AuditAnchorOptions
{
    public const string Section = "Indgang:Audit";

    public const string MinutesKey = Section + ":AnchorMinutes";

    /// <summary>Minutes between anchor passes (1–1440).</summary>
    public int AnchorMinutes { get; set; } = 5;
}
