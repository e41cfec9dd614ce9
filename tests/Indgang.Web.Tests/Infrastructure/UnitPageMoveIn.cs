namespace Indgang.Web.Tests.Infrastructure;

/// <summary>The move-in form of a unit's page, sent as the housing coordinator sends it.</summary>
internal static class UnitPageMoveIn
{
    /// <summary>
    /// The household moved into the unit on the day as typed (a date, or what a mistyped field holds); a day long past
    /// for a household whose arrival is not recorded <paramref name="confirmed"/> as the page asks it.
    /// </summary>
    public static Task<HttpResponseMessage> MoveInAsync(this Browser housing, Guid unit, Guid household, string day, bool confirmed = false) =>
        housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveIn", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["MoveInOn"] = day, ["ConfirmsPastArrival"] = confirmed ? "true" : "false",
        }, formPage: $"/Housing/Units/{unit}");
}
