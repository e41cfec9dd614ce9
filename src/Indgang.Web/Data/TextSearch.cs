namespace Indgang.Web.Data;

/// <summary>
/// Case-insensitive text search that finds the same rows on both databases, also for Æ, Ø and Å. SQLite's lower() and
/// LIKE fold only A–Z, and PostgreSQL's lower() follows the database's locale (only A–Z in a C-locale database). In a
/// query, <see cref="Fold"/> runs in the database instead: each provider's context maps it to a lower-casing that knows
/// every letter (see <c>SqliteIndgangDbContext</c> and <c>PostgresIndgangDbContext</c>).
/// </summary>
public static class TextSearch
{
    /// <summary>The text in lower case, so that a search can compare folded text with a folded term.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant();
    }
}
