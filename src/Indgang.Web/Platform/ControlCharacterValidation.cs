using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Indgang.Web.Platform;

/// <summary>
/// <see cref="ControlCharacters"/> as one rule of model validation: every bound string — a page's field, an input
/// class's property, each element of a list of strings — is refused with <see cref="ControlCharacters.Refused"/> under
/// its own model-state key, so the field shows the message beside it and a new field cannot forget the check. Text read
/// otherwise (a CSV cell, a JSON body of the minimal API, a row read from the form by hand) still calls
/// <see cref="ControlCharacters.In"/> itself.
/// </summary>
internal sealed class ControlCharacterValidatorProvider : IMetadataBasedModelValidatorProvider
{
    private static readonly ControlCharacterValidator Validator = new();

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) => modelType == typeof(string);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (context.ModelMetadata.ModelType == typeof(string))
        {
            context.Results.Add(new ValidatorItem { Validator = Validator, IsReusable = true });
        }
    }

    private sealed class ControlCharacterValidator : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            ControlCharacters.In(context.Model as string) ? [new ModelValidationResult("", ControlCharacters.Refused)] : [];
    }
}

/// <summary>For checks shared with text model validation does not see (the minimal API's JSON body).</summary>
internal static class ControlCharacterRefusal
{
    /// <summary>
    /// Puts <see cref="ControlCharacters.Refused"/> under <paramref name="key"/> when <paramref name="text"/> holds a control
    /// character, once: model validation may have put it there already. True when refused.
    /// </summary>
    public static bool RefuseControlCharacters(this ModelStateDictionary modelState, string key, string? text)
    {
        if (!ControlCharacters.In(text))
        {
            return false;
        }

        modelState.AddModelErrorOnce(key, ControlCharacters.Refused);
        return true;
    }
}
