using Indgang.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// A resident's »Ny bolig« choices (<see cref="MoveToUnitField.ChoicesAsync"/>), none first, and, when there is no unit to
/// choose, why (<see cref="Indgang.Placement.ChoosableUnits.WhyNone"/>).
/// </summary>
public sealed record MoveToUnitChoices(IReadOnlyList<SelectListItem> Items, Said? WhyNone);
