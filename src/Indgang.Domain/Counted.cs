namespace Indgang.Domain;

/// <summary>
/// A number with its noun: the singular for exactly one ("1 ledig seng"), the plural for every other number, zero too
/// ("0 ledige senge"). Both forms are whole texts with {0} for the number (a message's, <see cref="Said"/>, or the
/// localizer's key), so that a translation puts the number where its language wants it.
/// </summary>
public static class Counted
{
    /// <summary>Which of the two forms a number takes: <paramref name="one"/> for exactly one (or minus one).</summary>
    public static string Form(int count, string one, string other) => Math.Abs(count) == 1 ? one : other;
}
