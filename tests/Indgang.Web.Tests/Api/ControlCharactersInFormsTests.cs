using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Api;

/// <summary>
/// The free text of the other forms (a task's reason for closing it as not needed, a day 0's reason, a journal note and
/// its correction, a local target's source, a user's name, a plan's goals, sub-goals, activity titles and reason for
/// extending it, a placement override's reason; a site's address in SiteEditTests) was saved with a control character in it (U+0001 shown on the
/// household's page as »Lejer&amp;#x1; bor hos«): it is refused beside the field, as registration and »Ret oplysninger«
/// refuse it, with what was typed kept and nothing saved. A line break in a note is no control character to refuse.
/// </summary>
public sealed class ControlCharactersInFormsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Typed = "Lejer\u0001 bor hos";

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task TaskNotNeededReason_WithAControlCharacter_IsRefusedBesideTheField_TheTaskStaysOpen()
    {
        var task = await factory.LeaseTaskAsync("Styretegnopgave");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var fields = await LeaseTasks.CardFieldsAsync(secretariat, task.Id);
        fields["Reason"] = Typed;

        using var refused = await secretariat.PostFormAsync("/Tasks?handler=NotNeeded", fields, formPage: "/Tasks");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Beside($"Reason-{task.Id}", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary($"Reason-{task.Id}", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Typed}\"", html, StringComparison.Ordinal);
        var after = await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(CaseTaskStatus.Open, after.Status);
        Assert.Null(after.NotNeededReason);
    }

    [Fact]
    public async Task Day0Reason_WithAControlCharacter_IsRefusedBesideTheField_NothingSaved()
    {
        var household = await factory.RegisterSingleAsync("Styretegndagnul");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Day0?personId={person}";
        var version = HiddenFields.Value(await coordinator.GetPageAsync(url), "Version");

        using var refused = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = person.ToString(), ["Date"] = Arrivals.Iso(Arrivals.Today), ["Reason"] = Typed, ["Version"] = version,
        }, formPage: url);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Beside("Reason", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("Reason", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Typed}\"", html, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => new { p.Day0Override, p.Day0OverrideReason }).SingleAsync());
        Assert.Null(saved.Day0Override);
        Assert.Null(saved.Day0OverrideReason);
    }

    [Fact]
    public async Task JournalNote_WithAControlCharacter_IsRefusedBesideTheField_NothingSaved()
    {
        var household = await factory.RegisterSingleAsync("Styretegnnotat");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = $"/Households/{household}";

        using var refused = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = Typed }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(Typed, html.QuerySelector("#Note_Text")?.TextContent);
        Assert.Equal($"Fejl: {ControlCharacters.Refused}", html.QuerySelector("#Note_Text-error")?.TextContent.Trim());
        Assert.Equal("#Note_Text", html.QuerySelector(".alert-error a")?.GetAttribute("href"));
        Assert.Equal(0, await factory.QueryAsync(db => db.JournalNotes.CountAsync(n => n.HouseholdId == household)));
    }

    [Fact]
    public async Task JournalCorrection_WithAControlCharacter_IsRefusedBesideItsNote_NothingSaved()
    {
        var household = await factory.RegisterSingleAsync("Styretegnrettelse");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = $"/Households/{household}";
        using var written = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = "Samtale om skolestart" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var note = await factory.QueryAsync(db => db.JournalNotes.Where(n => n.HouseholdId == household).Select(n => n.Id).SingleAsync());

        using var refused = await coordinator.PostFormAsync($"{page}?handler=Correction",
            new Dictionary<string, string> { ["Correction.Text"] = Typed, ["Correction.CorrectsNoteId"] = note.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var form = html.QuerySelector($"#note-{note} details");
        Assert.NotNull(form);
        Assert.Equal(Typed, form.QuerySelector("textarea[name='Correction.Text']")?.TextContent);
        Assert.Equal($"Fejl: {ControlCharacters.Refused}", form.QuerySelector("#Correction_Text-error")?.TextContent.Trim());
        Assert.Equal("#Correction_Text", html.QuerySelector(".alert-error a")?.GetAttribute("href"));
        Assert.Equal(1, await factory.QueryAsync(db => db.JournalNotes.CountAsync(n => n.HouseholdId == household)));
    }

    /// <summary>A note typed on several lines (a line break, a tab) is saved as typed: those are no control characters to refuse.</summary>
    [Fact]
    public async Task JournalNote_OnSeveralLines_IsSaved()
    {
        var household = await factory.RegisterSingleAsync("Flerlinjenotat");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = $"/Households/{household}";
        const string text = "Samtale om skolestart.\r\n\tAftalt: besøg på skolen.";

        using var written = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = text }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal(text, await factory.QueryAsync(db => db.JournalNotes.Where(n => n.HouseholdId == household).Select(n => n.Text).SingleAsync()));
    }

    [Fact]
    public async Task LocalTargetSource_WithAControlCharacter_IsRefusedBesideTheField_NothingSaved()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => db.LocalTargets.CountAsync());

        using var refused = await admin.PostFormAsync("/Admin/RuleSets", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DanishEducationStart", ["Input.Days"] = "1", ["Input.EffectiveFrom"] = Arrivals.Iso(Arrivals.Today), ["Input.Source"] = Typed,
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Beside("Input_Source", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("Input_Source", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Typed}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.LocalTargets.CountAsync()));
    }

    [Fact]
    public async Task NewUsersName_WithAControlCharacter_IsRefusedBesideTheField_NoUserCreated()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var refused = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "styretegn-navn",
            ["Input.DisplayName"] = Typed,
            ["Input.Password"] = "Godt-Kodeord-1",
            ["Input.Roles"] = "Coordinator",
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Beside("Input_DisplayName", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("Input_DisplayName", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Typed}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "styretegn-navn")));
    }

    [Fact]
    public async Task UsersNameEdited_WithAControlCharacter_IsRefusedBesideTheField_TheNameStays()
    {
        var user = await factory.CreateCoordinatorAsync("styretegn-ret", "Før Rettelse");
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var form = await OpenedForm.OpenAsync(admin, $"/Admin/Users/Edit/{user}");

        var refused = await form.PostAsync([new("Input.DisplayName", Typed), new("Input.Roles", "Coordinator"), new("Input.DepartmentId", "")]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(FieldErrors.Beside("Input_DisplayName", ControlCharacters.Refused), refused.Html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("Input_DisplayName", ControlCharacters.Refused), refused.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Typed}\"", refused.Html, StringComparison.Ordinal);
        Assert.Equal("Før Rettelse", await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task PlanExtensionReason_WithAControlCharacter_IsRefusedBesideTheField_ThePlanIsNotExtended()
    {
        var person = await factory.PlanAtTheReviewAsync("Styretegnforlæng");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var refused = await (await OpenedForm.OpenAsync(coordinator, PlansAtTheReview.PlanUrl(person), $"{PlansAtTheReview.PlanUrl(person)}?handler=Extend"))
            .PostAsync(new Dictionary<string, string> { ["ExtensionReason"] = Typed });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(FieldErrors.Beside("ExtensionReason", ControlCharacters.Refused), refused.Html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("ExtensionReason", ControlCharacters.Refused), refused.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Typed}\"", refused.Html, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.ExtensionReason).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.Goals[0].Text", "Input_Goals_0__Text")]
    [InlineData("Input.Goals[0].SubGoals", "Input_Goals_0__SubGoals")]
    [InlineData("Input.Activities[0].Title", "Input_Activities_0__Title")]
    public async Task PlanText_WithAControlCharacter_IsRefusedBesideTheField_NoNewVersion(string field, string id)
    {
        var person = await factory.PlanAtTheReviewAsync($"Styretegnplan{id.Length}");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var typed = PlanTyped();
        typed[field] = Typed;

        var refused = await (await OpenedForm.OpenAsync(coordinator, PlansAtTheReview.PlanUrl(person))).PostAsync(typed);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(FieldErrors.Beside(id, ControlCharacters.Refused), refused.Html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary(id, ControlCharacters.Refused), refused.Html, StringComparison.Ordinal);
        Assert.Contains(Typed, refused.Html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.CurrentVersionNumber).SingleAsync()));
    }

    /// <summary>Sub-goals are typed one a line: the line breaks between them are no control characters to refuse.</summary>
    [Fact]
    public async Task PlanSubGoals_OnSeveralLines_AreSaved()
    {
        var person = await factory.PlanAtTheReviewAsync("Flerlinjedelmål");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var typed = PlanTyped();
        typed["Input.Goals[0].SubGoals"] = "Dansk prøve 2\r\nPraktik i butik";

        var saved = await (await OpenedForm.OpenAsync(coordinator, PlansAtTheReview.PlanUrl(person))).PostAsync(typed);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(2, await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.CurrentVersionNumber).SingleAsync()));
    }

    [Fact]
    public async Task PlacementOverrideReason_WithAControlCharacter_IsRefusedBesideTheField_TheHouseholdDoesNotMoveIn()
    {
        await factory.AddSingleRoomsAsync("Styretegnværelse", 2);
        var household = await factory.RegisterSingleAsync("Styretegnplacering");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);
        var unit = await factory.SuggestedUnitAsync(run, household);
        Assert.NotNull(unit);

        using var refused = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Override",
            new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = unit.Value.ToString(), ["Reason"] = Typed }, formPage: $"/Housing/Placement/{run}");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Beside($"Override-{household}-Reason", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary($"Override-{household}-Reason", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Typed}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
        Assert.False(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.HouseholdId == household)));
    }

    private static Dictionary<string, string> PlanTyped() => new()
    {
        ["Input.Goals[0].Text"] = "Job",
        ["Input.Goals[0].SubGoals"] = "Dansk prøve 2",
        ["Input.Activities[0].Kind"] = "DanishEducation",
        ["Input.Activities[0].Title"] = "Danskuddannelse",
        ["Input.Activities[0].Start"] = Arrivals.Iso(Arrivals.Today),
        ["Input.Activities[0].Status"] = "Planned",
    };
}
