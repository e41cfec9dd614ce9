namespace Indgang.Web.Features.Account;

/// <summary>
/// What a user refused a page is told (the sign-in's access-denied page and the 403 status page): whom to ask. Roles are
/// given by the administrator of Indgang, not by the user's manager — the manager (role leder) meets this page too.
/// </summary>
public static class AccessDeniedText
{
    public const string WhomToAsk = "Du har ikke adgang til denne side. Kontakt administratoren af Indgang, hvis du mener, at du burde have adgang.";
}
