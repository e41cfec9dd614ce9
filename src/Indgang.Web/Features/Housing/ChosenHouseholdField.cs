namespace Indgang.Web.Features.Housing;

/// <summary>
/// A pipeline form's household, chosen on its row (<see cref="PipelineAddress.ChosenHref"/>) rather than picked from a
/// list of every household on its way: the form names it and posts it as <paramref name="Name"/>. Null
/// <paramref name="Household"/>: none on its way is chosen (the form was posted without one, or it left the way
/// meanwhile), and the refusal beside it says so.
/// </summary>
public sealed record ChosenHouseholdField(string Name, PipelineHousehold? Household);
