using System.Globalization;
using CsvHelper.Configuration;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.Platform;

/// <summary>What every CSV import here shares: how files are read, yes/no values, and errors per row.</summary>
internal static class CsvRows
{
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

    /// <summary>Ja/nej (and yes/no, true/false, 1/0); empty is no; anything else is null.</summary>
    public static bool? YesNo(string value) => value.Trim().ToUpperInvariant() switch
    {
        "JA" or "J" or "YES" or "TRUE" or "1" => true,
        "" or "NEJ" or "N" or "NO" or "FALSE" or "0" => false,
        _ => null,
    };

    /// <summary>Records the row's error and returns a fallback, so parsing goes on and every error is reported.</summary>
    public static T Invalid<T>(T fallback, int row, string message, List<CsvRowError> errors)
    {
        errors.Add(new CsvRowError(row, message));
        return fallback;
    }
}
