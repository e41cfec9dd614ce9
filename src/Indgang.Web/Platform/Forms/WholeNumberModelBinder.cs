using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// Binds every whole-number form field (int) with <see cref="WholeNumber"/>, as <see cref="KronerModelBinder"/> binds
/// amounts: a Danish thousands point is read (1.500 m), and what is no whole number is refused by
/// <see cref="NumberFieldRefusal"/>, naming the field, instead of model binding's generic message.
/// </summary>
internal sealed class WholeNumberModelBinder(IStringLocalizer<SharedResource> T) : IModelBinder
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
            // Left empty: null for an optional number; a required one is missing, as model binding says it.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? ""));
            }

            return Task.CompletedTask;
        }

        if (WholeNumber.TryParse(text, out var number))
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, NumberFieldRefusal.ForWholeNumber(bindingContext.ModelMetadata, T));
        }

        return Task.CompletedTask;
    }
}

internal sealed class WholeNumberModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(int) && context.BindingInfo.BindingSource != BindingSource.Body
            ? new WholeNumberModelBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>())
            : null;
    }
}
