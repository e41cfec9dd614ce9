using System.Globalization;
using System.Text;
using CsvHelper.Configuration;
using Indgang.Domain;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.Platform;

/// <summary>What every CSV import here shares: how files are read, yes/no values, and errors per row.</summary>
internal static class CsvRows
{
    /// <summary>Said beside the file field of an import when the file chosen holds nothing (0 bytes).</summary>
    public const string EmptyFile = "Filen er tom. Vælg filen med rækkerne.";

    /// <summary>Semicolon or comma, trimmed values, headers matched without regard to case (look fields up upper-cased).</summary>
    public static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [";", ","],
        TrimOptions = TrimOptions.Trim,
        PrepareHeaderForMatch = args => args.Header.Trim().ToUpperInvariant(),
        BadDataFound = null,
        MissingFieldFound = null,
    };

    /// <summary>
    /// The uploaded file's text: UTF-8 (as the templates and Excel's "CSV UTF-8" are saved), or UTF-16 with its byte order
    /// mark. A file that is not UTF-8 is read as Windows-1252, as Excel on a Danish Windows saves "CSV
    /// (semikolonsepareret)": otherwise Æ, Ø and Å would come out as � and a site such as »Lillerød« would not be found.
    /// </summary>
    public static async Task<TextReader> ReaderAsync(Stream file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new StringReader(Text(buffer.ToArray()));
    }

    /// <summary>The bytes as text, as <see cref="ReaderAsync"/> reads them.</summary>
    public static string Text(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            using var utf16 = new StreamReader(new MemoryStream(bytes), Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
            return utf16.ReadToEnd();
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Excel's "ANSI" on a Danish (western European) Windows; part of .NET, but only through the code page provider.</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Ja/nej (and yes/no, true/false, 1/0); empty is no; anything else is null.</summary>
    public static bool? YesNo(string value) => value.Trim().ToUpperInvariant() switch
    {
        "JA" or "J" or "YES" or "TRUE" or "1" => true,
        "" or "NEJ" or "N" or "NO" or "FALSE" or "0" => false,
        _ => null,
    };

    /// <summary>Records the row's error and returns a fallback, so parsing goes on and every error is reported.</summary>
    public static T Invalid<T>(T fallback, int row, Said message, List<CsvRowError> errors)
    {
        errors.Add(new CsvRowError(row, message));
        return fallback;
    }
}
