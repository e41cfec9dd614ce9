using System.Globalization;

namespace Indgang.Domain;

/// <summary>
/// A number with its Danish noun, for messages written in code: the singular for exactly one ("1 ledig seng"), the
/// plural for every other number, zero too ("0 ledige senge").
/// </summary>
public static class Counted
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Of(int count, string one, string other) =>
        $"{count.ToString("N0", Danish)} {Form(count, one, other)}";

    /// <summary>Which of the two forms a number takes: <paramref name="one"/> for exactly one (or minus one).</summary>
    public static string Form(int count, string one, string other) => Math.Abs(count) == 1 ? one : other;
}
