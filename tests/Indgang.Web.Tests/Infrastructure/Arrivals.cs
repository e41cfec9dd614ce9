using System.Globalization;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>Form fields for the registration page: a family of two adults and two children aged 4 and 9.</summary>
public static class Arrivals
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Family(string lastName) => new()
    {
        ["Input.HouseholdName"] = "",
        ["Input.VisitationDecisionDate"] = Iso(Today.AddDays(-40)),
        ["Input.ExpectedArrival"] = Iso(Today.AddDays(-10)),
        ["Input.Members[0].FirstName"] = "Yusuf",
        ["Input.Members[0].LastName"] = lastName,
        ["Input.Members[0].BirthDate"] = "1985-03-01",
        ["Input.Members[0].Gender"] = "Male",
        ["Input.Members[0].Basis"] = "VisitedRefugee",
        ["Input.Members[1].FirstName"] = "Huda",
        ["Input.Members[1].LastName"] = lastName,
        ["Input.Members[1].BirthDate"] = "1988-07-15",
        ["Input.Members[1].Gender"] = "Female",
        ["Input.Members[1].Basis"] = "VisitedRefugee",
        ["Input.Members[1].RelationToFirst"] = "Spouse",
        ["Input.Members[2].FirstName"] = "Adam",
        ["Input.Members[2].LastName"] = lastName,
        ["Input.Members[2].BirthDate"] = Iso(Today.AddYears(-4).AddDays(-30)),
        ["Input.Members[2].Gender"] = "Male",
        ["Input.Members[2].Basis"] = "VisitedRefugee",
        ["Input.Members[2].RelationToFirst"] = "Child",
        ["Input.Members[3].FirstName"] = "Maryam",
        ["Input.Members[3].LastName"] = lastName,
        ["Input.Members[3].BirthDate"] = Iso(Today.AddYears(-9).AddDays(-30)),
        ["Input.Members[3].Gender"] = "Female",
        ["Input.Members[3].Basis"] = "VisitedRefugee",
        ["Input.Members[3].RelationToFirst"] = "Child",
    };
}
