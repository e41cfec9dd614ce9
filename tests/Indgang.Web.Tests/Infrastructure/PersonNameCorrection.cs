using System.Net;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// Another coordinator corrects a person's first name on the person's page (»Ret oplysninger«), leaving the rest as the
/// form shows it: a change to the person that no form about their day 0 or CPR number shows.
/// </summary>
public static class PersonNameCorrection
{
    /// <summary>Corrects the first name of <paramref name="person"/> (one without nationality, languages or needs).</summary>
    public static async Task CorrectFirstNameAsync(this Browser coordinator, Guid person, string firstName, string lastName, string gender)
    {
        var saved = await (await OpenedForm.OpenAsync(coordinator, $"/People/{person}/Edit")).PostAsync(new Dictionary<string, string>
        {
            ["FirstName"] = firstName,
            ["LastName"] = lastName,
            ["Gender"] = gender,
            ["Nationality"] = "",
            ["Languages"] = "",
            ["NeedsInterpreter"] = "false",
            ["NeedsAccessibleHousing"] = "false",
        });
        if (saved.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The name correction was not saved: {saved.Status}");
        }
    }
}
