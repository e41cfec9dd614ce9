using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// What a number field says when what was typed in it is no number: what to type, naming the field, beside it and in the
/// error summary (»Skriv antal senge som et helt tal, fx 4.«), instead of model binding's »Værdien 'fire' er ikke
/// gyldig.«. The field's name is its <c>[Display(Name = "antal senge")]</c>, written to stand inside the sentence; an
/// example of a whole number it takes is the display's <c>Prompt</c> (the forms show no placeholders). The texts are the
/// localizer's keys, so a user who chose English reads the English entries, the name too.
/// </summary>
public static class NumberFieldRefusal
{
    public const string WholeNumberNamed = "Skriv {0} som et helt tal, fx {1}.";
    public const string WholeNumberUnnamed = "Skriv et helt tal.";
    public const string KronerNamed = "Skriv {0} i kroner, fx 4520, 4.520 eller 4.520,50.";
    public const string KronerUnnamed = "»{0}« er ikke et beløb i kroner. {1}";

    /// <summary>For a field bound to a whole number; a field without a name (an entry of a dictionary) is asked for a whole number.</summary>
    public static string ForWholeNumber(ModelMetadata field, IStringLocalizer<SharedResource> T) =>
        field.DisplayName is { } name ? T[WholeNumberNamed, name, field.Placeholder ?? "4"].Value : T[WholeNumberUnnamed].Value;

    /// <summary>For a field bound to an amount in kroner; a field without a name quotes what was typed.</summary>
    public static string ForKroner(ModelMetadata field, string typed, IStringLocalizer<SharedResource> T) =>
        field.DisplayName is { } name ? T[KronerNamed, name].Value : T[KronerUnnamed, typed, T[Platform.Kroner.Hint]].Value;
}
