namespace Indgang.Web.Features.Reception;

/// <summary>The household's first move-in into a unit of ours: it comes no later than that.</summary>
public sealed record HouseholdMoveIn(DateOnly Date, string UnitLabel);

/// <summary>
/// A household's arrival as the coordinator changes it: the expected day (editable while the household has not come)
/// and the day it came, if it has; with what they are checked against.
/// </summary>
public sealed record ArrivalChange(
    DateOnly? ExpectedArrival,
    DateOnly? ArrivedOn,
    bool ExpectedIsEditable,
    DateOnly? VisitationDecisionDate,
    HouseholdMoveIn? MoveIn);
