using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// Binds a number or a date typed in a form field (or a query string, or a route) with the app's own reader instead of
/// the page's culture, and refuses what cannot be read by saying what to type (<see cref="NumberFieldRefusal"/>,
/// <see cref="DateFieldRefusal"/>) instead of model binding's generic »Værdien 'fire' er ikke gyldig.«. What was typed
/// stays in the field. Left empty, an optional value is null, and a required one is missing as model binding says it.
/// </summary>
internal sealed class FieldValueBinder(Func<string, object?> read, Func<ModelMetadata, string, string> refusal) : IModelBinder
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

        if (read(text) is { } number)
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, refusal(bindingContext.ModelMetadata, text));
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Every whole number (int) is read by <see cref="WholeNumber"/> (a Danish thousands point: 1.500 m), every decimal, an
/// amount in kroner, by <see cref="Kroner"/>: under da-DK the default binder read the point a number field sends as a
/// thousands separator, so 4200.50 kr. became 420,050 kr. Every date (DateOnly) is read by <see cref="DateField"/>.
/// Not a request's JSON body, which has numbers and dates of its own.
/// </summary>
internal sealed class FieldValueBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BindingInfo.BindingSource == BindingSource.Body)
        {
            return null;
        }

        var type = context.Metadata.UnderlyingOrModelType;
        if (type != typeof(int) && type != typeof(decimal) && type != typeof(DateOnly))
        {
            return null;
        }

        var T = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (type == typeof(DateOnly))
        {
            return new FieldValueBinder(text => DateField.TryParse(text, out var day) ? day : null, (_, text) => DateFieldRefusal.For(text, T));
        }

        return type == typeof(int)
            ? new FieldValueBinder(text => WholeNumber.TryParse(text, out var number) ? number : null, (field, _) => NumberFieldRefusal.ForWholeNumber(field, T))
            : new FieldValueBinder(text => Kroner.TryParse(text, out var amount) ? amount : null, (field, text) => NumberFieldRefusal.ForKroner(field, text, T));
    }
}
