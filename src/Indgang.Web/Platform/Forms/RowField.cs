namespace Indgang.Web.Platform.Forms;

/// <summary>
/// A field in one of several small forms on a page, one per row (an offer, a resident), drawn by the partial
/// <c>_RowField</c>: label (with the row named for screen readers, when given), the error beside it and the input, a
/// date unless <see cref="Type"/> says otherwise. Its errors are kept under <see cref="Id"/> in ModelState, so a mistake
/// shows beside the row it was made in and the error summary links there; <see cref="Name"/> is what the forms post.
/// </summary>
public sealed record RowField(string Id, string Name, string Label, string? Row, string? Value, string Type = "date", string Width = "input-width-s");
