using System.Text.RegularExpressions;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The ids (GUIDs) in a page's addresses. A test that looks for digits that must not be on a page takes them out first:
/// a random id may hold "0101" or "010190" (one in CI did).
/// </summary>
public static partial class Ids
{
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    public static partial Regex Pattern();

    /// <summary>The text with every id in it replaced by "{id}".</summary>
    public static string Removed(string text) => Pattern().Replace(text, "{id}");
}
