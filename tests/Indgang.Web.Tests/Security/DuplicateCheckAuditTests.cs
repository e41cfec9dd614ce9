using System.Net;
using System.Net.Http.Json;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// A registration refused because a CPR number, or a name and birth date, is already someone's tells the user that this
/// someone is a case here: the person found is recorded as read, so that probing for citizens leaves a trace.
/// </summary>
public sealed class DuplicateCheckAuditTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ArrivalWithACprNumberAlreadyRegistered_TheHolderIsRecordedAsRead()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var first = await PostAsync(coordinator, "Foerste", "Dublet", "1709851235");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var holder = await factory.QueryAsync(db => db.Persons.Where(p => p.FirstName == "Foerste" && p.LastName == "Dublet").Select(p => p.Id).SingleAsync());

        using var probe = await PostAsync(coordinator, "Anden", "Proeve", "1709851235");

        Assert.Equal(HttpStatusCode.BadRequest, probe.StatusCode);
        Assert.Equal(1, await ReadsAsync(holder));
    }

    [Fact]
    public async Task ArrivalWithTheNameAndBirthDateOfSomeoneRegistered_ThePersonFoundIsRecordedAsRead()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var first = await PostAsync(coordinator, "Samme", "Navnesen", null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var found = await factory.QueryAsync(db => db.Persons.Where(p => p.FirstName == "Samme" && p.LastName == "Navnesen").Select(p => p.Id).SingleAsync());
        Assert.Equal(0, await ReadsAsync(found));

        using var probe = await PostAsync(coordinator, "Samme", "Navnesen", null);

        Assert.Equal(HttpStatusCode.BadRequest, probe.StatusCode);
        Assert.Equal(1, await ReadsAsync(found));
    }

    private Task<int> ReadsAsync(Guid person) => factory.QueryAsync(db =>
        db.AuditEntries.CountAsync(e => e.Action == AuditAction.PersonRead && e.SubjectPersonId == person && e.Purpose == AuditPurpose.DuplicateCheck.Text));

    private static Task<HttpResponseMessage> PostAsync(Browser coordinator, string firstName, string lastName, string? cpr) =>
        coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), new
        {
            expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(5)),
            visitationDecisionDate = Arrivals.Iso(Arrivals.Today.AddDays(-3)),
            members = new object[] { new { firstName, lastName, birthDate = "1985-09-17", gender = "Male", basis = "VisitedRefugee", cpr } },
        });
}
