using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// PUT /api/v1/housing/registrations/{id} and /offers/{id} (HOUSE-5, PLAT-7): a housing association's system corrects a
/// registration or an offer typed wrong as its page corrects it, saved and audited alike (an accepted offer's open move
/// tasks take the corrected address), only over the version it read: sent in If-Match as the ETag of its read, none is a
/// 428, an older one a 412. A declined offer is a 409, a field the page refuses a 400 under the JSON field.
/// </summary>
public sealed class PipelineCorrectionApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PutRegistration_WithTheVersionRead_Returns200WithANewVersion_ReadsBack_AndIsAudited()
    {
        var (household, registration) = await RegisteredAsync("Apiretopskriv", "EB-12");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (read, etag) = await ReadAsync<RegistrationDto>(housing, Registration(registration));
        Assert.Equal(VersionTag.Of(read.Version), etag);

        var readsBefore = await factory.HouseholdReadsAsync(household);

        using var response = await housing.PutAsync(Registration(registration), new { association = "Engholm Boligselskab", registeredOn = Iso(Today.AddDays(-3)), waitingListNumber = "EB-21" }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A correction is audited as the change it made, not as a read too.
        Assert.Equal(readsBefore, await factory.HouseholdReadsAsync(household));
        var corrected = await BodyAsync<RegistrationDto>(response);
        Assert.Equal((registration, household, "Engholm Boligselskab", Today.AddDays(-3), "EB-21"), (corrected.Id, corrected.HouseholdId, corrected.Association, corrected.RegisteredOn, corrected.WaitingListNumber));
        Assert.NotEqual(read.Version, corrected.Version);
        Assert.Equal(VersionTag.Of(corrected.Version), response.Headers.ETag?.ToString());
        var saved = await factory.QueryAsync(db => db.HousingRegistrations.AsNoTracking().SingleAsync(r => r.Id == registration));
        Assert.Equal(("EB-21", Today.AddDays(-3), corrected.Version), (saved.WaitingListNumber, saved.RegisteredOn, saved.Version));
        Assert.Equal(
            [$"Husstand {household:D}: Engholm Boligselskab, {Iso(Today.AddDays(-10))}, nr. EB-12 → Engholm Boligselskab, {Iso(Today.AddDays(-3))}, nr. EB-21"],
            await factory.PipelineWritesAsync(household, "opskrivning rettet"));
        var (readBack, readETag) = await ReadAsync<RegistrationDto>(housing, Registration(registration));
        Assert.Equal(corrected, readBack);
        Assert.Equal(VersionTag.Of(corrected.Version), readETag);
    }

    /// <summary>
    /// Sent again as it is saved: nothing to change, so the same version and no correction in the audit log; the record
    /// sent back is a read, recorded as its GET's is.
    /// </summary>
    [Fact]
    public async Task PutRegistration_Unchanged_Returns200WithTheSameVersion_RecordedAsARead()
    {
        var (household, registration) = await RegisteredAsync("Apiuændret", null);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (read, etag) = await ReadAsync<RegistrationDto>(housing, Registration(registration));
        var readsBefore = await factory.HouseholdReadsAsync(household);

        using var response = await housing.PutAsync(Registration(registration), new { association = read.Association, registeredOn = Iso(read.RegisteredOn) }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(read, await BodyAsync<RegistrationDto>(response));
        Assert.Equal(etag, response.Headers.ETag?.ToString());
        Assert.Empty(await factory.PipelineWritesAsync(household, "opskrivning rettet"));
        Assert.Equal(readsBefore + 1, await factory.HouseholdReadsAsync(household));
    }

    [Fact]
    public async Task PutOffer_Unchanged_Returns200WithTheSameVersion_RecordedAsARead()
    {
        var household = await factory.RegisterSingleAsync("Apiuændrettilbud");
        var offer = await OfferedAsync(household, "Engvej 71", declined: false);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (read, etag) = await ReadAsync<OfferDto>(housing, Offer(offer));
        var readsBefore = await factory.HouseholdReadsAsync(household);

        using var response = await housing.PutAsync(Offer(offer), new
        {
            address = read.Address, offeredOn = Iso(read.OfferedOn), answerBy = read.AnswerBy is { } by ? Iso(by) : null, rooms = read.Rooms, monthlyRent = read.MonthlyRent,
        }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(read, await BodyAsync<OfferDto>(response));
        Assert.Equal(etag, response.Headers.ETag?.ToString());
        Assert.Empty(await factory.PipelineWritesAsync(household, "tilbud rettet"));
        Assert.Equal(readsBefore + 1, await factory.HouseholdReadsAsync(household));
    }

    [Fact]
    public async Task PutOffer_Pending_Returns200WithANewVersion_ReadsBack_AndIsAudited()
    {
        var household = await factory.RegisterSingleAsync("Apirettilbud");
        var offer = await OfferedAsync(household, "Engvej 70", declined: false);
        var before = (await factory.OfferAsync(offer))!;
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (_, etag) = await ReadAsync<OfferDto>(housing, Offer(offer));

        using var response = await housing.PutAsync(Offer(offer), new
        {
            address = "Engvej 7", offeredOn = Iso(Today.AddDays(-2)), answerBy = Iso(Today.AddDays(5)), rooms = 3, monthlyRent = 6250m,
        }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var corrected = await BodyAsync<OfferDto>(response);
        Assert.Equal(("Engvej 7", Today.AddDays(-2), (DateOnly?)Today.AddDays(5), (int?)3, (decimal?)6250m, OfferStatus.Pending),
            (corrected.Address, corrected.OfferedOn, corrected.AnswerBy, corrected.Rooms, corrected.MonthlyRent, corrected.Status));
        Assert.NotEqual(before.Version, corrected.Version);
        Assert.Equal(VersionTag.Of(corrected.Version), response.Headers.ETag?.ToString());
        var saved = (await factory.OfferAsync(offer))!;
        Assert.Equal(("Engvej 7", (int?)3, (decimal?)6250m, corrected.Version), (saved.Address, saved.Rooms, saved.MonthlyRent, saved.Version));
        Assert.Equal(
            [$"Husstand {household:D}: {PermanentHousingSteps.Described(before)} → {PermanentHousingSteps.Described(saved)}"],
            await factory.PipelineWritesAsync(household, "tilbud rettet"));
        // Read back the same (compared as values: PostgreSQL gives the rent back with its two decimals, 6250.00).
        var (readBack, readETag) = await ReadAsync<OfferDto>(housing, Offer(offer));
        Assert.Equal(corrected, readBack);
        Assert.Equal(VersionTag.Of(corrected.Version), readETag);
    }

    /// <summary>An accepted offer is corrected as on its page: still accepted, the move's open tasks named with the new address, done ones kept.</summary>
    [Fact]
    public async Task PutOffer_Accepted_AddressCorrected_OpenMoveTasksRenamed_DoneOnesKept_DepartmentTold()
    {
        var household = await factory.RegisterSingleAsync("Apiadresseret");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Engholm Alle 23", Today.AddDays(10));
        await factory.QueryAsync(async db =>
        {
            (await db.Tasks.SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.PermanentHomeGuidance)).Complete("jobberiet", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var (read, etag) = await ReadAsync<OfferDto>(housing, Offer(offer));
        var notices = await factory.NotificationIdsAsync();

        using var response = await housing.PutAsync(Offer(offer), new { address = "Engholm Allé 23", offeredOn = Iso(read.OfferedOn) }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var corrected = await BodyAsync<OfferDto>(response);
        Assert.Equal(("Engholm Allé 23", OfferStatus.Accepted, (DateOnly?)Today.AddDays(10)), (corrected.Address, corrected.Status, corrected.MoveDate));
        Assert.Equal(
            [
                (TaskType.PermanentHomeDefectsList, CaseTaskStatus.Open, "Mangelliste til boligselskabet – Engholm Allé 23"),
                (TaskType.PermanentHomeGuidance, CaseTaskStatus.Done, "Vejledning om boligselskabets regler og husorden, og hvor man henvender sig – Engholm Alle 23"),
            ],
            await MoveTasksAsync(household));
        var told = Assert.Single(await factory.NotificationsSinceAsync(notices));
        Assert.Equal(("jobberiet", "Adressen på den permanente bolig, der flyttes til, er rettet til Engholm Allé 23: Solo Apiadresseret"), (told.Department, told.Text));
        Assert.Single(await factory.PipelineWritesAsync(household, "tilbud rettet"), w => w!.Contains("Engholm Alle 23", StringComparison.Ordinal) && w.Contains("→ Engholm Allé 23", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutOffer_Declined_Returns409WithWhy_NothingChanged()
    {
        var household = await factory.RegisterSingleAsync("Apiafslåetret");
        var offer = await OfferedAsync(household, "Engvej 72", declined: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (read, etag) = await ReadAsync<OfferDto>(housing, Offer(offer));

        using var response = await housing.PutAsync(Offer(offer), new { address = "Engvej 73", offeredOn = Iso(read.OfferedOn) }, etag);

        var problem = await HousingApi.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(("Tilbuddet kan ikke rettes", "Et afslået tilbud kan ikke rettes."), (problem.Title, problem.Detail));
        var saved = (await factory.OfferAsync(offer))!;
        Assert.Equal(("Engvej 72", OfferStatus.Declined, read.Version), (saved.Address, saved.Status, saved.Version));
        Assert.Empty(await factory.PipelineWritesAsync(household, "tilbud rettet"));
    }

    /// <summary>Once the household has moved into one of our permanent units, its registrations are history, as on the page.</summary>
    [Fact]
    public async Task PutRegistration_ForAHouseholdNoLongerOnItsWay_Returns409WithWhy_NothingChanged()
    {
        var (household, registration) = await RegisteredAsync("Apiikkepåvej", "EB-5");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (read, etag) = await ReadAsync<RegistrationDto>(housing, Registration(registration));
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Api ikke på vej", isPermanent: true), household, Today);

        using var response = await housing.PutAsync(Registration(registration), new { association = read.Association, registeredOn = Iso(read.RegisteredOn), waitingListNumber = "EB-55" }, etag);

        var problem = await HousingApi.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(("Opskrivningen kan ikke rettes", PermanentHousingSteps.HadPermanentHome), (problem.Title, problem.Detail));
        Assert.Equal("EB-5", await factory.QueryAsync(db => db.HousingRegistrations.Where(r => r.Id == registration).Select(r => r.WaitingListNumber).SingleAsync()));
        Assert.Empty(await factory.PipelineWritesAsync(household, "opskrivning rettet"));
    }

    /// <summary>No version, If-Match: * (any version), or one that is no entity tag, is no correction over a version read: 428, nothing changed.</summary>
    [Theory]
    [InlineData("registration", null)]
    [InlineData("registration", "*")]
    [InlineData("offer", null)]
    [InlineData("offer", "*")]
    [InlineData("offer", "version-uden-anførselstegn")]
    public async Task Put_WithoutIfMatch_Returns428_NothingChanged(string record, string? ifMatch)
    {
        var (household, url, body, version) = await RecordAsync(record, $"Apiudenversion{record}{ifMatch?.Length ?? 0}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PutAsync(url, body, ifMatch);

        var problem = await HousingApi.ProblemAsync(response, (HttpStatusCode)428);
        Assert.Equal(record == "offer" ? PipelineCorrectionApi.OfferVersionMissing : PipelineCorrectionApi.RegistrationVersionMissing, problem.Detail);
        Assert.Equal("Versionen mangler", problem.Title);
        Assert.Equal(version, await VersionAsync(record, url));
        Assert.Empty(await factory.PipelineWritesAsync(household, $"{(record == "offer" ? "tilbud" : "opskrivning")} rettet"));
    }

    /// <summary>A version read before another's correction: 412 in Danish, the other's correction stands.</summary>
    [Theory]
    [InlineData("registration", "Opskrivningen er lige blevet ændret af en anden. Læs opskrivningen igen.")]
    [InlineData("offer", "Tilbuddet er lige blevet ændret af en anden. Læs tilbuddet igen.")]
    public async Task Put_WithAVersionChangedSince_Returns412_TheOthersCorrectionStands(string record, string detail)
    {
        var (household, url, body, stale) = await RecordAsync(record, $"Apiforældet{record}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using (var first = await housing.PutAsync(url, body, VersionTag.Of(stale)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var current = await VersionAsync(record, url);
        var what = $"{(record == "offer" ? "tilbud" : "opskrivning")} rettet";
        var audited = await factory.PipelineWritesAsync(household, what);

        using var response = await housing.PutAsync(url, record == "offer" ? new { address = "Engvej 99", offeredOn = Iso(Today) } : new { association = "Andet Boligselskab", registeredOn = Iso(Today) }, VersionTag.Of(stale));

        var problem = await HousingApi.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(("Ændret af en anden", detail), (problem.Title, problem.Detail));
        Assert.NotEqual(stale, current);
        Assert.Equal(current, await VersionAsync(record, url));
        Assert.Equal(audited, await factory.PipelineWritesAsync(household, what));
        Assert.Single(audited);
    }

    [Fact]
    public async Task PutOffer_InvalidFields_Returns400WithEachRefusalUnderItsJsonField_NothingChanged()
    {
        var household = await factory.RegisterSingleAsync("Apiretfejl");
        var offer = await OfferedAsync(household, "Engvej 74", declined: false);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (read, etag) = await ReadAsync<OfferDto>(housing, Offer(offer));

        using var response = await housing.PutAsync(Offer(offer), new { address = "  ", offeredOn = Iso(Today.AddDays(1)), answerBy = Iso(Today), rooms = 21, monthlyRent = -1m }, etag);

        var errors = await ValidationErrorsAsync(response, "Ugyldigt tilbud");
        Assert.Equal(["address", "answerBy", "monthlyRent", "offeredOn", "rooms"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Angiv adressen på den tilbudte bolig."], errors["address"]);
        Assert.Equal(["Datoen kan ikke ligge i fremtiden."], errors["offeredOn"]);
        Assert.Equal([HousingOffer.AnswerBeforeOffer], errors["answerBy"]);
        Assert.Equal(["Angiv antal værelser fra 1 til 20."], errors["rooms"]);
        Assert.Equal(["Angiv den månedlige husleje i kroner (0–100.000)."], errors["monthlyRent"]);
        var saved = (await factory.OfferAsync(offer))!;
        Assert.Equal(("Engvej 74", read.Version), (saved.Address, saved.Version));
        Assert.Empty(await factory.PipelineWritesAsync(household, "tilbud rettet"));
    }

    [Fact]
    public async Task PutRegistration_InvalidFields_Returns400WithEachRefusalUnderItsJsonField_NothingChanged()
    {
        var (household, registration) = await RegisteredAsync("Apiretfejlop", "EB-6");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (read, etag) = await ReadAsync<RegistrationDto>(housing, Registration(registration));

        using var response = await housing.PutAsync(Registration(registration), new { association = "", waitingListNumber = new string('7', 51) }, etag);

        var errors = await ValidationErrorsAsync(response, "Ugyldig opskrivning");
        Assert.Equal(["association", "registeredOn", "waitingListNumber"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Angiv boligselskabet."], errors["association"]);
        Assert.Equal(["Angiv datoen for opskrivningen."], errors["registeredOn"]);
        Assert.Equal(["Ventelistenummeret må højst være 50 tegn."], errors["waitingListNumber"]);
        var saved = await factory.QueryAsync(db => db.HousingRegistrations.AsNoTracking().SingleAsync(r => r.Id == registration));
        Assert.Equal(("EB-6", read.Version), (saved.WaitingListNumber, saved.Version));
        Assert.Empty(await factory.PipelineWritesAsync(household, "opskrivning rettet"));
    }

    [Theory]
    [InlineData("registrations")]
    [InlineData("offers")]
    public async Task Put_UnknownId_Returns404(string records)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        object body = records == "registrations"
            ? new { association = "Engholm Boligselskab", registeredOn = Iso(Today) }
            : new { address = "Engvej 76", offeredOn = Iso(Today) };
        using var response = await housing.PutAsync($"/api/v1/housing/{records}/{Guid.NewGuid()}", body, VersionTag.Of(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("registration", "skole")]
    [InlineData("offer", "skole")]
    [InlineData("offer", "sekretariat")]
    public async Task Put_ByAnotherRole_IsForbidden_NothingChanged(string record, string user)
    {
        var (household, url, body, version) = await RecordAsync(record, $"Apiforbudtret{record}{user}");
        using var other = await Browser.SignedInAsync(factory, user);

        using var response = await other.PutAsync(url, body, VersionTag.Of(version));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(version, await VersionAsync(record, url));
        Assert.Empty(await factory.PipelineWritesAsync(household, $"{(record == "offer" ? "tilbud" : "opskrivning")} rettet"));
    }

    /// <summary>Each response that gives one record carries its version as ETag: made, read and answered.</summary>
    [Fact]
    public async Task PostOffer_Read_AndDeclined_EachWithItsVersionAsETag()
    {
        var household = await factory.RegisterSingleAsync("Apietag");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var made = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), new { householdId = household, address = "Engvej 82", offeredOn = Iso(Today) });
        var offer = await BodyAsync<OfferDto>(made);
        var (read, readETag) = await ReadAsync<OfferDto>(housing, Offer(offer.Id));
        using var declined = await housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer.Id}/decline", UriKind.Relative), new { reason = "For lille." });
        var answered = await BodyAsync<OfferDto>(declined);

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(VersionTag.Of(offer.Version), made.Headers.ETag?.ToString());
        Assert.Equal((offer.Version, VersionTag.Of(offer.Version)), (read.Version, readETag));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.NotEqual(offer.Version, answered.Version);
        Assert.Equal(VersionTag.Of(answered.Version), declined.Headers.ETag?.ToString());
        Assert.Equal(answered.Version, (await factory.OfferAsync(offer.Id))!.Version);
    }

    [Fact]
    public async Task OpenApi_DescribesBothCorrections_WithTheirRefusals()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var document = JsonDocument.Parse(await housing.GetPageAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, operation) in new[] { ("/api/v1/housing/registrations/{id}", "CorrectWaitingListRegistration"), ("/api/v1/housing/offers/{id}", "CorrectHousingOffer") })
        {
            var put = paths.GetProperty(path).GetProperty("put");
            Assert.Equal(operation, put.GetProperty("operationId").GetString());
            Assert.Contains("If-Match", put.GetProperty("summary").GetString(), StringComparison.Ordinal);
            Assert.Contains(put.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
            Assert.Equal(["200", "400", "404", "409", "412", "428"], put.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        }
    }

    private static string Registration(Guid id) => $"/api/v1/housing/registrations/{id}";

    private static string Offer(Guid id) => $"/api/v1/housing/offers/{id}";

    /// <summary>A household arrived today, registered on a waiting list ten days ago.</summary>
    private async Task<(Guid Household, Guid Registration)> RegisteredAsync(string lastName, string? number)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        var registration = await factory.QueryAsync(async db =>
        {
            var made = db.HousingRegistrations.Add(new HousingRegistration(household, "Engholm Boligselskab", Today.AddDays(-10), number)).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        return (household, registration);
    }

    /// <summary>An offer made four days ago, waiting for an answer or declined.</summary>
    private Task<Guid> OfferedAsync(Guid household, string address, bool declined) => factory.QueryAsync(async db =>
    {
        var made = db.HousingOffers.Add(new HousingOffer(household, address, Today.AddDays(-4))).Entity;
        if (declined)
        {
            made.Decline("For langt fra skolen");
        }

        await db.SaveChangesAsync();
        return made.Id;
    });

    /// <summary>A new household's registration or waiting offer: its address, a valid correction of it, and its version.</summary>
    private async Task<(Guid Household, string Url, object Correction, Guid Version)> RecordAsync(string record, string lastName)
    {
        if (record == "offer")
        {
            var household = await factory.RegisterSingleAsync(lastName);
            var offer = await OfferedAsync(household, "Engvej 78", declined: false);
            return (household, Offer(offer), new { address = "Engvej 80", offeredOn = Iso(Today.AddDays(-4)) }, (await factory.OfferAsync(offer))!.Version);
        }

        var (owner, registration) = await RegisteredAsync(lastName, "EB-7");
        return (owner, Registration(registration), new { association = "Engholm Boligselskab", registeredOn = Iso(Today.AddDays(-10)), waitingListNumber = "EB-77" },
            await VersionAsync(record, Registration(registration)));
    }

    /// <summary>The version saved now of the registration or offer at <paramref name="url"/>.</summary>
    private Task<Guid> VersionAsync(string record, string url)
    {
        var id = Guid.Parse(url.Split('/')[^1]);
        return record == "offer"
            ? factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == id).Select(o => o.Version).SingleAsync())
            : factory.QueryAsync(db => db.HousingRegistrations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
    }

    private Task<List<(TaskType, CaseTaskStatus, string)>> MoveTasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)).ToListAsync())
            .OrderBy(t => t.Type.ToString(), StringComparer.Ordinal).Select(t => (t.Type, t.Status, t.Title)).ToList());

    /// <summary>The record read as a client reads it, with the ETag it came with.</summary>
    private static async Task<(T Record, string? ETag)> ReadAsync<T>(Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await BodyAsync<T>(response), response.Headers.ETag?.ToString());
    }

    private static async Task<T> BodyAsync<T>(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(), HousingApi.Json)!;

    private static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response, string title)
    {
        var (said, detail, errors) = await HousingApi.ValidationProblemAsync(response);
        Assert.Equal(("Rettelsen er ikke gemt.", title), (detail, said));
        return errors;
    }
}
