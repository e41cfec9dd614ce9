namespace Indgang.Web.Platform.Forms;

/// <summary>
/// A date field in one of several small forms on a page, one per row (an offer, a resident), drawn by the partial
/// <c>_RowDateField</c>: label (with the row named for screen readers, when given), the error beside it and the input. Its errors
/// are kept under <see cref="Id"/> in ModelState, so a mistake shows beside the row it was made in and the error
/// summary links there; <see cref="Name"/> is what the forms post.
/// </summary>
public sealed record RowDateField(string Id, string Name, string Label, string? Row, string? Value);
