namespace Indgang.Web.Identity;

/// <summary>
/// How long a signed-in session lasts (<c>Indgang:Session</c>), checked at start: it ends after
/// <see cref="IdleMinutes"/> without a request (a PC left unlocked does not keep every citizen's data open), and
/// <see cref="MaxHours"/> after the sign-in however active it is (<see cref="SessionLimits"/>).
/// </summary>
public sealed class SessionLimitOptions
{
    public const string Section = "Indgang:Session";

    /// <summary>Minutes without a request after which the user signs in again (1–720).</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Hours from the sign-in after which the user signs in again, active or not (1–24).</summary>
    public int MaxHours { get; set; } = 8;

    /// <summary>
    /// Minutes before the end at <see cref="MaxHours"/> from which every page says when the user is signed out (1–60):
    /// what they are typing is saved before it, not lost at a submit after it.
    /// </summary>
    public int WarningMinutes { get; set; } = 15;
}
