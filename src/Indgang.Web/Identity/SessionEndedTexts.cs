namespace Indgang.Web.Identity;

/// <summary>
/// What a page says when its session has ended and the user presses a button in a form (site.js stops the submit, so that
/// what they typed stays in the form): why they were signed out, and how to go on. The Danish texts are the localizer's
/// keys; {0} is the idle limit's minutes or the absolute limit's hours. Signed out in another tab of the browser, or signed
/// in there as another user, the page is told (site.js) and says so.
/// </summary>
internal static class SessionEndedTexts
{
    public const string IdleOneMinute = "Du er blevet logget ud, fordi du ikke har brugt Indgang i {0} minut.";
    public const string IdleMinutes = "Du er blevet logget ud, fordi du ikke har brugt Indgang i {0} minutter.";
    public const string MaxOneHour = "Du er blevet logget ud, fordi der er gået {0} time, siden du loggede ind.";
    public const string MaxHours = "Du er blevet logget ud, fordi der er gået {0} timer, siden du loggede ind.";
    public const string SignedOutElsewhere = "Du er blevet logget ud i en anden fane.";
    public const string OtherUser = "Du er logget ind som en anden bruger i en anden fane.";
    public const string TextKept = "Det, du har skrevet, står her stadig. Log ind i en ny fane, og tryk derefter på knappen igen.";
    public const string TextKeptForOwnSignIn = "Det, du har skrevet, står her stadig. Log ind igen som dig selv i en ny fane, og tryk derefter på knappen igen.";
    public const string SignInLink = "Log ind i en ny fane";

    public static string Idle(int minutes) => Domain.Counted.Form(minutes, IdleOneMinute, IdleMinutes);

    public static string Max(int hours) => Domain.Counted.Form(hours, MaxOneHour, MaxHours);
}
