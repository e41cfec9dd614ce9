using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A birth date typed wrong at registration is corrected from the person's page (»Ret fødselsdato«,
/// <c>/People/{id}/BirthDate</c>) for a person without a CPR number: saved, the deadlines counted from the 18th birthday
/// follow it, and so do the checklist's tasks when it makes an adult a child or the other way (made, closed as not
/// needed), logged; the CPR number that matches the corrected date can then be recorded. With a CPR number the date
/// follows the number and is not corrected here. Bad input, or a date the household's registration would refuse, is
/// refused beside the field with what was typed kept; only the coordinator may correct; another's correction meanwhile
/// is shown, not overwritten.
/// </summary>
public sealed class BirthDateCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task Correct_Saved_AdultProgrammeDecisionFollowsThe18thBirthday_Logged()
    {
        var typedWrong = Today.AddYears(-16);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Today.AddDays(-40), Today.AddDays(-10),
            [new ArrivalMember("Ung", "Fødselsfejl", typedWrong, Gender.Male, ResidenceBasis.UnaccompaniedMinor)]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains($"href=\"/People/{person}/BirthDate\"", await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
        Assert.StartsWith(Shown(typedWrong.AddYears(18).AddDays(-1)), await AdultProgrammeDecisionAsync(coordinator, household), StringComparison.Ordinal);
        var corrected = Today.AddYears(-17).AddDays(-20);

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed(Iso(corrected)));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(corrected, (await StoredAsync(person)).BirthDate);
        // Integrationsloven: the decision to offer the adult programme is due before the 18th birthday, the day before it.
        Assert.StartsWith(Shown(corrected.AddYears(18).AddDays(-1)), await AdultProgrammeDecisionAsync(coordinator, household), StringComparison.Ordinal);
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person));
        Assert.Equal("Rettet: fødselsdato, 0 opgaver flyttet", logged.Details);
        Assert.Equal("koordinator", logged.Actor);
        Assert.Equal("Rettelse af borgerens oplysninger", logged.Purpose);
        Assert.Contains(corrected.ToString("d. MMMM yyyy", Danish), await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
    }

    /// <summary>The journey the wrong date blocked: the CPR number was refused as not matching it, and is recorded once it is corrected.</summary>
    [Fact]
    public async Task AfterTheCorrection_TheCprNumberOfTheRightDate_IsRecorded()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today.AddDays(-20),
            [new ArrivalMember("Kvote", "Cprdato", new DateOnly(1977, 3, 15), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var cprUrl = $"/Households/{household}/Cpr?personId={person}";
        var cpr = new Dictionary<string, string> { ["Cpr"] = "140377-1235", ["RegisteredOn"] = Iso(Today.AddDays(-5)) };
        var refused = await (await OpenedForm.OpenAsync(coordinator, cprUrl)).PostAsync(cpr);
        Assert.Equal($"Fejl: {CprModel.NotBirthDate}", Parser.ParseDocument(refused.Html).GetElementById("Cpr-error")?.TextContent);

        var corrected = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed("1977-03-14"));
        var recorded = await (await OpenedForm.OpenAsync(coordinator, cprUrl)).PostAsync(cpr);

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var stored = await StoredAsync(person);
        Assert.Equal(("1403771235", new DateOnly(1977, 3, 14)), (stored.Cpr?.Digits, stored.BirthDate));
    }

    /// <summary>With a CPR number the birth date follows it: said, with the way to the CPR page, and no date field; a post saves nothing.</summary>
    [Fact]
    public async Task WithACprNumber_TheDateFollowsIt_NotCorrectedHere()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today,
            [new ArrivalMember("Karim", "Cprfødsel", new DateOnly(1985, 7, 4), Gender.Male, ResidenceBasis.QuotaRefugee, Cpr: "040785-1237")]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(person));
        var shown = Parser.ParseDocument(await coordinator.GetPageAsync(Url(person)));
        Assert.Contains(BirthDateModel.FollowsCpr, shown.QuerySelector("[data-testid=follows-cpr]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shown.QuerySelector($"a[href='/Households/{household}/Cpr?personId={person}']"));
        Assert.Null(shown.GetElementById("BirthDate"));

        var posted = await form.PostAsync(Typed("1985-07-05").Append(new("Version", Guid.NewGuid().ToString())));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains($"<li>{BirthDateModel.FollowsCpr}</li>", posted.Html, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(1985, 7, 4), (await StoredAsync(person)).BirthDate);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    [Theory]
    [InlineData("", "Angiv fødselsdato.")]
    [InlineData("1990-02-31", ArrivalValidator.InvalidDate)]
    [InlineData("tomorrow", "Fødselsdatoen kan ikke ligge i fremtiden.")]
    [InlineData("1899-12-31", "Fødselsdatoen er for langt tilbage. Tjek årstallet.")]
    public async Task BadInput_RefusedBesideTheField_WhatWasTypedKept_NothingSaved(string typed, string message)
    {
        var household = await factory.RegisterSingleAsync($"Fødselsdato{typed.Length}{message.Length}");
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var value = typed == "tomorrow" ? Iso(Today.AddDays(1)) : typed;

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed(value));

        AssertRefused(refused, message, value);
        Assert.Equal(new DateOnly(1990, 1, 1), (await StoredAsync(person)).BirthDate);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    /// <summary>A date the household's registration would refuse: an unaccompanied minor of 18, a parent younger than their child.</summary>
    [Fact]
    public async Task DateThatBreaksTheHousehold_RefusedBesideTheField()
    {
        var minorHousehold = await factory.RegisterAsync(new ArrivalRequest(null, Today.AddDays(-40), Today.AddDays(-10),
            [new ArrivalMember("Ung", "Fødselsvoksen", Today.AddYears(-16), Gender.Male, ResidenceBasis.UnaccompaniedMinor)]));
        var minor = await PersonAsync(minorHousehold);
        var family = await factory.RegisterFamilyAsync("Fødselsrækkefølge");
        var (father, child) = (await PersonAsync(family, "Far"), await PersonAsync(family, "Barn"));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var adult = await (await OpenedForm.OpenAsync(coordinator, Url(minor))).PostAsync(Typed(Iso(Today.AddYears(-19))));
        var youngFather = await (await OpenedForm.OpenAsync(coordinator, Url(father))).PostAsync(Typed("2019-01-01"));
        var oldChild = await (await OpenedForm.OpenAsync(coordinator, Url(child))).PostAsync(Typed("1980-01-01"));

        AssertRefused(adult, ArrivalValidator.UnaccompaniedMinorAdult, Iso(Today.AddYears(-19)));
        AssertRefused(youngFather, "En forælder kan ikke være yngre end sit barn: Barn Fødselsrækkefølge er født 1. januar 2018.", "2019-01-01");
        AssertRefused(oldChild, "Et barn kan ikke være ældre end sin forælder: Far Fødselsrækkefølge er født 1. januar 1985.", "1980-01-01");
        Assert.Equal(
            [Today.AddYears(-16), new DateOnly(1985, 1, 1), new DateOnly(2018, 1, 1)],
            [(await StoredAsync(minor)).BirthDate, (await StoredAsync(father)).BirthDate, (await StoredAsync(child)).BirthDate]);
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("leder")]
    [InlineData("bolig")]
    public async Task NotTheCaseOwner_IsRefused_AndNothingChanges(string userName)
    {
        var household = await factory.RegisterSingleAsync($"Fødselsadgang{userName}");
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(person));
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var shown = await browser.GetAsync(Url(person));
        var posted = await OpenedForm.Of(browser, Url(person), await browser.GetPageAsync("/"))
            .PostAsync(Typed("1991-01-01").Append(new("Version", form.Hidden["Version"])));

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(new DateOnly(1990, 1, 1), (await StoredAsync(person)).BirthDate);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    [Fact]
    public async Task CorrectedByAnotherWhileEditing_TheirDateShownBesideMine_SavingAgainSavesMine()
    {
        var person = await PersonAsync(await factory.RegisterSingleAsync("Fødselssamtidig"));
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(person));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(person))).PostAsync(Typed("1990-10-01"))).Status);

        var conflict = await formA.PostAsync(Typed("1991-01-01"));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{BirthDateModel.SavedByOtherMessage}</li>", conflict.Html, StringComparison.Ordinal);
        var page = Parser.ParseDocument(conflict.Html);
        Assert.Equal("Gemt af en anden: 1. oktober 1990", page.GetElementById("BirthDate-saved")?.TextContent);
        Assert.Equal("1991-01-01", (page.GetElementById("BirthDate") as IHtmlInputElement)?.Value);
        Assert.Equal(new DateOnly(1990, 10, 1), (await StoredAsync(person)).BirthDate);

        var again = await OpenedForm.Of(a, Url(person), conflict.Html).PostAsync(Typed("1991-01-01"));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(new DateOnly(1991, 1, 1), (await StoredAsync(person)).BirthDate);
        Assert.Equal(2, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    /// <summary>
    /// A son typed in as an adult corrected to the child he is: the household is a family with children now, not two
    /// adults, so the checklist gives him a school offer instead of his own tax card, bank account and information on
    /// benefits, and the household a family consultant. His adult tasks still to do are closed as not needed with the
    /// reason (the one done stays done), the new ones are made for their departments, dated as the checklist dates them
    /// but not before today, each department is told, and the log counts them.
    /// </summary>
    [Fact]
    public async Task AnAdultCorrectedToAChildAtArrival_HisAdultTasksClosed_TheChildsAndTheFamilysMade_DepartmentsTold()
    {
        var arrival = Today.AddDays(-20);
        var household = await factory.RegisterAsync(new ArrivalRequest("Familien Voksenfejl", null, arrival,
        [
            new ArrivalMember("Mor", "Voksenfejl", new DateOnly(1985, 5, 5), Gender.Female, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Søn", "Voksenfejl", new DateOnly(2000, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
        var (mother, son) = (await PersonAsync(household, "Mor"), await PersonAsync(household, "Søn"));
        await ChangeTaskAsync(household, son, TaskType.TaxCard, "koordinator", (t, user) => t.Complete(user, DateTimeOffset.UtcNow));
        await ChangeTaskAsync(household, son, TaskType.BankAccount, "koordinator", (t, user) => t.Take(user));
        var notices = await factory.NotificationIdsAsync();
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(son))).PostAsync(Typed(Iso(Today.AddYears(-10))));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var tasks = await TasksAsync(household);
        Assert.Equal(
        [
            (TaskType.TaxCard, CaseTaskStatus.Done, (string?)null),
            (TaskType.BankAccount, CaseTaskStatus.NotNeeded, Reason),
            (TaskType.BenefitsInformation, CaseTaskStatus.NotNeeded, Reason),
        ],
        tasks.Where(t => t.PersonId == son && AdultsOwn.Contains(t.Type)).Select(t => (t.Type, t.Status, t.NotNeededReason)));
        Assert.Equal(
            [CaseTaskStatus.Open, CaseTaskStatus.Open, CaseTaskStatus.Open],
            tasks.Where(t => t.PersonId == mother && AdultsOwn.Contains(t.Type)).Select(t => t.Status));
        Assert.Equal(
        [
            (TaskType.SchoolOrDaycareOffer, (Guid?)son, "skole-dagtilbud", "Tilbud om skole eller dagtilbud – Søn", Today, CaseTaskStatus.Open),
            (TaskType.FamilyConsultantOffer, null, "boern-familier", "Tilbud om familiekonsulent", arrival.AddDays(30), CaseTaskStatus.Open),
        ],
        tasks.Where(t => ChildrensAndFamilies.Contains(t.Type)).Select(t => (t.Type, t.PersonId, t.Department, t.Title, t.DueDate, t.Status)));
        Assert.Equal(
        [
            ("1 ny opgave: Familien Voksenfejl", "boern-familier"),
            ("1 ny opgave: Familien Voksenfejl", "skole-dagtilbud"),
            ("2 opgaver er lukket, en fødselsdato er rettet: Familien Voksenfejl", "jobberiet"),
        ],
        await factory.NotificationsSinceAsync(notices));
        Assert.Equal(["Rettet: fødselsdato, 0 opgaver flyttet, 2 oprettet, 2 lukket"], await LoggedAsync(son));
    }

    /// <summary>
    /// A daughter typed in as a child corrected to the adult she is: the reverse. Her own tax card, bank account and
    /// information on benefits are made for Jobberiet, the family consultant is closed as not needed, and the school offer
    /// already done stays done.
    /// </summary>
    [Fact]
    public async Task AChildCorrectedToAnAdultAtArrival_HerAdultTasksMade_TheFamilysClosed_HerDoneSchoolOfferStaysDone()
    {
        var (household, daughter) = await FamilyWithADaughterAsync("Barnefejl");
        await ChangeTaskAsync(household, daughter, TaskType.SchoolOrDaycareOffer, "skole", (t, user) => t.Complete(user, DateTimeOffset.UtcNow));
        var notices = await factory.NotificationIdsAsync();
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(daughter))).PostAsync(Typed("2001-03-03"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(new DateOnly(2001, 3, 3), (await StoredAsync(daughter)).BirthDate);
        var tasks = await TasksAsync(household);
        Assert.Equal(
        [
            (TaskType.TaxCard, "jobberiet", "Skattekort – Datter", Today, CaseTaskStatus.Open),
            (TaskType.BankAccount, "jobberiet", "Bankkonto og NemKonto – Datter", Today, CaseTaskStatus.Open),
            (TaskType.BenefitsInformation, "jobberiet", "Information om ydelser – Datter", Today, CaseTaskStatus.Open),
        ],
        tasks.Where(t => t.PersonId == daughter && AdultsOwn.Contains(t.Type)).Select(t => (t.Type, t.Department, t.Title, t.DueDate, t.Status)));
        Assert.Equal(
        [
            (TaskType.SchoolOrDaycareOffer, (Guid?)daughter, CaseTaskStatus.Done, (string?)null),
            (TaskType.FamilyConsultantOffer, null, CaseTaskStatus.NotNeeded, Reason),
        ],
        tasks.Where(t => ChildrensAndFamilies.Contains(t.Type)).Select(t => (t.Type, t.PersonId, t.Status, t.NotNeededReason)));
        Assert.Equal(
        [
            ("1 opgave er lukket, en fødselsdato er rettet: Familien Barnefejl", "boern-familier"),
            ("3 nye opgaver: Familien Barnefejl", "jobberiet"),
        ],
        await factory.NotificationsSinceAsync(notices));
        Assert.Equal(["Rettet: fødselsdato, 0 opgaver flyttet, 3 oprettet, 1 lukket"], await LoggedAsync(daughter));
    }

    /// <summary>
    /// A correction corrected back (the right date was the first): the tasks the first correction closed are made again,
    /// open, and those it made and are still to do are closed; one of them done meanwhile stays done.
    /// </summary>
    [Fact]
    public async Task ACorrectionCorrectedBack_TheTasksItClosedAreMadeAgain_ThoseItMadeClosed()
    {
        var (household, daughter) = await FamilyWithADaughterAsync("Tilbagefejl");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(coordinator, Url(daughter))).PostAsync(Typed("2001-03-03"))).Status);
        await ChangeTaskAsync(household, daughter, TaskType.TaxCard, "koordinator", (t, user) => t.Complete(user, DateTimeOffset.UtcNow));

        var back = await (await OpenedForm.OpenAsync(coordinator, Url(daughter))).PostAsync(Typed("2015-03-03"));

        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        var tasks = await TasksAsync(household);
        Assert.Equal(
        [
            (TaskType.TaxCard, CaseTaskStatus.Done, (string?)null),
            (TaskType.BankAccount, CaseTaskStatus.NotNeeded, Reason),
            (TaskType.BenefitsInformation, CaseTaskStatus.NotNeeded, Reason),
        ],
        tasks.Where(t => t.PersonId == daughter && AdultsOwn.Contains(t.Type)).Select(t => (t.Type, t.Status, t.NotNeededReason)));
        Assert.Equal(
        [
            (TaskType.SchoolOrDaycareOffer, CaseTaskStatus.NotNeeded, Reason),
            (TaskType.SchoolOrDaycareOffer, CaseTaskStatus.Open, null),
            (TaskType.FamilyConsultantOffer, CaseTaskStatus.NotNeeded, Reason),
            (TaskType.FamilyConsultantOffer, CaseTaskStatus.Open, null),
        ],
        tasks.Where(t => ChildrensAndFamilies.Contains(t.Type)).Select(t => (t.Type, t.Status, t.NotNeededReason)));
        Assert.Equal(
            ["Rettet: fødselsdato, 0 opgaver flyttet, 3 oprettet, 2 lukket", "Rettet: fødselsdato, 0 opgaver flyttet, 2 oprettet, 2 lukket"],
            await LoggedAsync(daughter));
    }

    private static void AssertRefused((HttpStatusCode Status, string Html) refused, string message, string typed)
    {
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: {message}", page.GetElementById("BirthDate-error")?.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-error a[href='#BirthDate']"));
        Assert.Equal(typed, (page.GetElementById("BirthDate") as IHtmlInputElement)?.Value);
    }

    /// <summary>The legal date of the decision to offer the adult programme, as the household page's deadlines show it.</summary>
    private static async Task<string> AdultProgrammeDecisionAsync(Browser coordinator, Guid household)
    {
        var row = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}")).QuerySelector("tr[data-deadline=AdultProgrammeDecision]");
        return row?.QuerySelectorAll("td")[1].TextContent.Trim() ?? "(no such deadline)";
    }

    /// <summary>The reason a task the corrected checklist no longer gives is closed with.</summary>
    private const string Reason = "Fødselsdatoen er rettet, så opgaven gælder ikke længere.";

    /// <summary>The personal tasks the checklist gives an adult of a family, not a child.</summary>
    private static readonly TaskType[] AdultsOwn = [TaskType.TaxCard, TaskType.BankAccount, TaskType.BenefitsInformation];

    /// <summary>The tasks the checklist gives a family with children (the child's school offer, the family consultant).</summary>
    private static readonly TaskType[] ChildrensAndFamilies = [TaskType.SchoolOrDaycareOffer, TaskType.FamilyConsultantOffer];

    /// <summary>A father and a daughter registered as the child of 10 she is not, arrived 20 days ago.</summary>
    private async Task<(Guid Household, Guid Daughter)> FamilyWithADaughterAsync(string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest($"Familien {lastName}", null, Today.AddDays(-20),
        [
            new ArrivalMember("Far", lastName, new DateOnly(1975, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Datter", lastName, new DateOnly(2015, 3, 3), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
        return (household, await PersonAsync(household, "Datter"));
    }

    /// <summary>The person's one task of the type, changed by one of its department (the demo user <paramref name="userName"/>).</summary>
    private async Task ChangeTaskAsync(Guid household, Guid person, TaskType type, string userName, Action<CaseTask, string> change)
    {
        var user = await factory.UserIdAsync(userName);
        await factory.QueryAsync(async db =>
        {
            change(await db.Tasks.SingleAsync(t => t.HouseholdId == household && t.PersonId == person && t.Type == type), user);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The household's tasks with their departments' codes, by type, then made first.</summary>
    private Task<List<(TaskType Type, Guid? PersonId, string Department, string Title, DateOnly DueDate, CaseTaskStatus Status, string? NotNeededReason)>> TasksAsync(Guid household) =>
        factory.QueryAsync(async db => (await (from t in db.Tasks.AsNoTracking()
                                               join d in db.Departments on t.DepartmentId equals d.Id
                                               where t.HouseholdId == household
                                               select new { t.Type, t.PersonId, d.Code, t.Title, t.DueDate, t.Status, t.NotNeededReason, t.ClosedAt }).ToListAsync())
            .OrderBy(t => AdultsOwn.Concat(ChildrensAndFamilies).ToList().IndexOf(t.Type)).ThenBy(t => t.Type).ThenBy(t => t.ClosedAt is null).ThenBy(t => t.ClosedAt)
            .Select(t => (t.Type, t.PersonId, t.Code, t.Title, t.DueDate, t.Status, (string?)t.NotNeededReason)).ToList());

    /// <summary>What the log says of the person's corrections, in order.</summary>
    private Task<List<string?>> LoggedAsync(Guid person) =>
        factory.QueryAsync(async db => (await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person).ToListAsync())
            .OrderBy(e => e.Sequence).Select(e => e.Details).ToList());

    private static string Shown(DateOnly date) => date.ToString("d. MMM yyyy", Danish);

    private static string Url(Guid person) => $"/People/{person}/BirthDate";

    private static Dictionary<string, string> Typed(string birthDate) => new() { ["BirthDate"] = birthDate };

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    private Task<Guid> PersonAsync(Guid household, string? firstName = null) =>
        factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && (firstName == null || p.FirstName == firstName)).Select(p => p.Id).SingleAsync());
}
