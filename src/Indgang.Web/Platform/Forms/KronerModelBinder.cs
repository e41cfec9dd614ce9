using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// Binds every decimal form field (amounts in kroner) with <see cref="Kroner"/> instead of the page's culture: under
/// da-DK the default binder read the point a number field sends as a thousands separator, so 4200.50 kr. became
/// 420,050 kr. A Danish thousands point is read as one (4.520); what is no amount is refused by
/// <see cref="NumberFieldRefusal"/>, naming the field.
/// </summary>
internal sealed class KronerModelBinder(IStringLocalizer<SharedResource> T) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Left empty: null for an optional amount (bound as such, so the field counts as valid), the page's own check
            // saying what is missing when it is not optional.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (Kroner.TryParse(text, out var amount))
        {
            bindingContext.Result = ModelBindingResult.Success(amount);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, NumberFieldRefusal.ForKroner(bindingContext.ModelMetadata, text, T));
        }

        return Task.CompletedTask;
    }
}

internal sealed class KronerModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(decimal) && context.BindingInfo.BindingSource != BindingSource.Body
            ? new KronerModelBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>())
            : null;
    }
}
