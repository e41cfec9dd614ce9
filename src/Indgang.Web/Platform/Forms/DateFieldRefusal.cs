using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// What a date field says when what was typed in it is no day (<see cref="DateField"/>): what was typed and how to write
/// a day, beside the field and in the error summary, instead of model binding's »Værdien '2026-13-01' er ikke gyldig.«.
/// A browser's date picker sends only days; this is met where the browser gives a plain text field, and by a program
/// that posts the form. The text is the localizer's key, so a user who chose English reads the English entry.
/// </summary>
public static class DateFieldRefusal
{
    public const string NoDay = "»{0}« er ikke en dato. Skriv datoen som dd-mm-åååå, fx 24-12-2026.";

    public static string For(string typed, IStringLocalizer<SharedResource> T) => T[NoDay, DanishModelBindingMessages.Shown(typed)].Value;
}
