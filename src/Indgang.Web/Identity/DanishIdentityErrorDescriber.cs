using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Identity;

/// <summary>
/// Identity's messages in Danish, as they are shown beside the field. A message with a value in it is made through the
/// shared localizer, so it is English for a user who chose English; the fixed ones are shown through it by the form.
/// </summary>
internal sealed class DanishIdentityErrorDescriber(IStringLocalizer<SharedResource> T) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), T["Adgangskoden skal være mindst {0} tegn.", length].Value);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Adgangskoden skal indeholde mindst ét tal.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Adgangskoden skal indeholde mindst ét lille bogstav.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Adgangskoden skal indeholde mindst ét stort bogstav.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Adgangskoden skal indeholde mindst ét tegn, der ikke er et bogstav eller tal.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), T["Brugernavnet '{0}' er allerede i brug.", userName].Value);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Brugernavnet må kun indeholde bogstaver a–z, tal og tegnene - . _ @");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
