using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A birth date correction that would make a task no department owns (<c>/People/{id}/BirthDate</c>): refused, said in
/// the summary as registration says it, and nothing saved. Its own app: the school offer's department is taken out of the
/// responsibilities.
/// </summary>
public sealed class BirthDateCorrectionWithoutDepartmentTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AnAdultCorrectedToAChild_TheSchoolOfferHasNoDepartment_Refused_NothingSaved()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest("Familien Ansvarsløs", null, Today.AddDays(-20),
        [
            new ArrivalMember("Mor", "Ansvarsløs", new DateOnly(1985, 5, 5), Gender.Female, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Søn", "Ansvarsløs", new DateOnly(2000, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
        var son = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Søn").Select(p => p.Id).SingleAsync());
        // Out of the responsibilities, and its default department (by code) not found either.
        await factory.QueryAsync(db => db.Responsibilities.Where(r => r.TaskType == TaskType.SchoolOrDaycareOffer).ExecuteDeleteAsync());
        await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "skole-dagtilbud").ExecuteUpdateAsync(d => d.SetProperty(x => x.Code, "skole-dagtilbud-omdoebt")));
        var tasksBefore = await TasksAsync(household);
        var notices = await factory.NotificationIdsAsync();
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var refused = await (await OpenedForm.OpenAsync(coordinator, $"/People/{son}/BirthDate")).PostAsync(new Dictionary<string, string> { ["BirthDate"] = Iso(Today.AddYears(-10)) });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(
            "<li>Ansvarsfordelingen mangler en afdeling for: Tilbud om skole eller dagtilbud. Bed en administrator om at rette den.</li>",
            WebUtility.HtmlDecode(refused.Html),
            StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2000, 5, 5), await factory.QueryAsync(db => db.Persons.Where(p => p.Id == son).Select(p => p.BirthDate).SingleAsync()));
        Assert.Equal(tasksBefore, await TasksAsync(household));
        Assert.Empty(await factory.NotificationsSinceAsync(notices));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, son));
    }

    private Task<List<string>> TasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household).ToListAsync())
        .Select(t => $"{t.Type} {t.PersonId} {t.DueDate:yyyy-MM-dd} {t.Status}").Order(StringComparer.Ordinal).ToList());
}
