namespace Indgang.Web.Tests.Infrastructure;

/// <summary>What the housing coordinator presses on a unit's page, as a test does it.</summary>
public static class UnitPageMoves
{
    /// <summary>»Fortryd indflytning« pressed on the unit's page for the stay.</summary>
    public static Task<HttpResponseMessage> CallOffMoveInAsync(this Browser housing, Guid unit, Guid stay)
    {
        ArgumentNullException.ThrowIfNull(housing);
        return housing.PostFormAsync($"/Housing/Units/{unit}?handler=CallOffMoveIn", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: $"/Housing/Units/{unit}");
    }
}
