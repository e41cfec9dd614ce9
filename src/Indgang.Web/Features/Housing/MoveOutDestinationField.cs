using Indgang.Domain.Housing;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The "Hvorhen?" radio buttons of one resident's move-out form on the unit page, drawn by the partial
/// <c>_MoveOutDestinationField</c>: its errors are kept under <see cref="Id"/> (the first button's id, where the error
/// summary links), and what was chosen comes back with a refusal. From a permanent unit (<paramref name="FromTemporary"/>
/// false) the household does not move to another of ours (<see cref="HousingDuty.DestinationsFrom"/>), so that choice is
/// not shown.
/// </summary>
public sealed record MoveOutDestinationField(string Id, string Row, MoveOutDestination? Chosen, bool FromTemporary = true)
{
    /// <summary>The choices this stay has, in the order shown.</summary>
    public IEnumerable<(MoveOutDestination Value, string Text)> Open => Choices.Where(c => HousingDuty.DestinationsFrom(FromTemporary).Contains(c.Value));

    /// <summary>Said under the question for a stay in a permanent unit.</summary>
    public const string DutyFulfilled = "Boligen er husstandens første permanente bolig fra kommunen. Dermed er boligpligten opfyldt, og husstanden kommer ikke til at vente på en ny bolig fra kommunen.";

    /// <summary>The form field's name.</summary>
    public const string Name = "MoveOutTo";

    /// <summary>The choices, in the order shown, with their Danish texts (the localizer's keys).</summary>
    public static readonly IReadOnlyList<(MoveOutDestination Value, string Text)> Choices =
    [
        (MoveOutDestination.OtherMunicipalUnit, "Til en anden bolig fra kommunen"),
        (MoveOutDestination.OwnHome, "Til egen bolig (fx en almen bolig eller en privat lejebolig)"),
        (MoveOutDestination.LeftMunicipality, "Fraflyttet kommunen"),
    ];

    /// <summary>How the household's housing tells where it moved, e.g. "til egen bolig"; null when not said.</summary>
    public static string? Told(MoveOutDestination? destination) => destination switch
    {
        MoveOutDestination.OtherMunicipalUnit => "til en anden af kommunens boliger",
        MoveOutDestination.OwnHome => "til egen bolig",
        MoveOutDestination.LeftMunicipality => "ud af kommunen",
        _ => null,
    };
}
