using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Indgang.Web.Platform;

/// <summary>Model binding messages in Danish, shown beside the field instead of English defaults.</summary>
internal static class DanishModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "Feltet skal udfyldes.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Feltet skal udfyldes.");
        messages.SetMissingKeyOrValueAccessor(() => "Feltet skal udfyldes.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Der mangler indhold i forespørgslen.");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Værdien '{value}' er ikke gyldig.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Værdien '{value}' er ikke gyldig.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Værdien er ikke gyldig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Værdien er ikke gyldig.");
        messages.SetValueIsInvalidAccessor(value => $"Værdien '{value}' er ikke gyldig.");
        messages.SetValueMustBeANumberAccessor(_ => "Feltet skal være et tal.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Feltet skal være et tal.");
    }
}
