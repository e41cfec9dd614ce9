namespace Indgang.Web.Platform;

/// <summary>
/// Characters no one types into a name, an address or a label, refused where such text is checked: the control
/// characters (NUL, which PostgreSQL cannot store at all, BEL, ESC …; a tab or a line break excepted) and the marks that
/// turn the direction of the text around it (U+202A–U+202E, U+2066–U+2069), which make a name shown in a list read as
/// another. They come from a system that integrates or a CSV file, not from the keyboard. The zero-width joiners that
/// Persian and Arabic names use (U+200C, U+200D) are letters' business and stay.
/// </summary>
public static class ControlCharacters
{
    public const string Refused = "Teksten indeholder et usynligt styretegn, som ikke kan gemmes. Skriv den igen uden.";

    public static bool In(string? text) => text is not null && text.Any(IsRefused);

    private static bool IsRefused(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
