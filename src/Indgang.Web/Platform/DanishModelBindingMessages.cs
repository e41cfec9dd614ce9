using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform;

/// <summary>
/// Model binding messages shown beside the field instead of ASP.NET Core's English defaults. The Danish text is the
/// shared localizer's key, so a user who chose English gets the English entry; the localizer reads the request's
/// culture each time a message is made.
/// </summary>
internal static class DanishModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages, IStringLocalizer<SharedResource> T)
    {
        messages.SetValueMustNotBeNullAccessor(_ => T["Feltet skal udfyldes."].Value);
        messages.SetMissingBindRequiredValueAccessor(_ => T["Feltet skal udfyldes."].Value);
        messages.SetMissingKeyOrValueAccessor(() => T["Feltet skal udfyldes."].Value);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => T["Der mangler indhold i forespørgslen."].Value);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => T["Værdien '{0}' er ikke gyldig.", Shown(value)].Value);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => T["Værdien '{0}' er ikke gyldig.", Shown(value)].Value);
        messages.SetUnknownValueIsInvalidAccessor(_ => T["Værdien er ikke gyldig."].Value);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => T["Værdien er ikke gyldig."].Value);
        messages.SetValueIsInvalidAccessor(value => T["Værdien '{0}' er ikke gyldig.", Shown(value)].Value);
        messages.SetValueMustBeANumberAccessor(_ => T["Feltet skal være et tal."].Value);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => T["Feltet skal være et tal."].Value);
    }

    /// <summary>The most of a value that could not be read that the message repeats: a 5,000-character one filled the summary.</summary>
    public const int ShownLength = 40;

    /// <summary>The value as the message repeats it: its first <see cref="ShownLength"/> characters and "…" when longer, a letter never cut in two.</summary>
    public static string Shown(string? value)
    {
        if (value is null || value.Length <= ShownLength)
        {
            return value ?? "";
        }

        var end = char.IsHighSurrogate(value[ShownLength - 1]) ? ShownLength - 1 : ShownLength;
        return string.Concat(value.AsSpan(0, end), "…");
    }
}
