using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// At registration each member is related to the first only. A grandmother who came with her son, his wife and their
/// child: the couple is recorded on the household's relations page (before, it could not be recorded at all, and the
/// household was held to a single adult's rent cap), a relation typed wrongly is removed, and each change is logged for
/// both members.
/// </summary>
public sealed class RelationsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Add_ACoupleNotInvolvingTheFirstMember_IsShownOnTheCase_AndLoggedForBoth()
    {
        var (household, members) = await ThreeGenerationsAsync("Tregenerationer");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var saved = await coordinator.PostFormAsync(Url(household, "Add"), Relation(members["Søn"], "Spouse", members["Hustru"]), formPage: Url(household));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.Contains("Søn Tregenerationer er ægtefælle til Hustru Tregenerationer",
            page.QuerySelectorAll("[data-testid=relation]").Select(r => r.TextContent.Trim()));
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.RelationChanged, members["Søn"]));
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.RelationChanged, members["Hustru"]));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.RelationChanged, members["Bedste"]));
        var spouses = await factory.QueryAsync(db => db.Households.Include(h => h.Relations).Where(h => h.Id == household)
            .Select(h => h.Relations.Count(r => r.Kind == RelationKind.Spouse)).SingleAsync());
        Assert.Equal(1, spouses);
    }

    [Fact]
    public async Task Add_ChildOf_IsStoredAsTheParentsRelation()
    {
        var (household, members) = await ThreeGenerationsAsync("Barnaf");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var saved = await coordinator.PostFormAsync(Url(household, "Add"), Relation(members["Barn"], "Child", members["Hustru"]), formPage: Url(household));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = Parser.ParseDocument(await coordinator.GetPageAsync(Url(household)));
        Assert.Contains("Hustru Barnaf er forælder til Barn Barnaf", page.QuerySelectorAll("[data-testid=relation]").Select(r => r.TextContent.Trim()));
    }

    public static TheoryData<string, string, string, string, string> BadRelations => new()
    {
        { "Intet", "", "", "", "Input.FromPersonId" },
        { "Samme", "Søn", "Spouse", "Søn", "Input.ToPersonId" },
        { "Findes", "Søn", "Spouse", "Bedste", "Input.ToPersonId" },
        { "Yngre", "Barn", "Parent", "Hustru", "Input.Kind" },
        // A child cannot be a custodian, nor married (found by exploratory review: a newborn was saved as an adult's
        // custodian, and a child as a spouse, which decides the rent cap).
        { "Værge", "Barn", "Custodian", "Hustru", "Input.Kind" },
        { "Barnegift", "Barn", "Spouse", "Hustru", "Input.Kind" },
        { "Art", "Søn", "Cousin", "Hustru", "Input.Kind" },
    };

    [Theory]
    [MemberData(nameof(BadRelations))]
    public async Task Add_BadRelation_RefusedBesideTheField_ChoicesKept_NothingSaved(string lastName, string from, string kind, string to, string field)
    {
        var (household, members) = await ThreeGenerationsAsync("Forkert" + lastName);
        var before = await RelationCountAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        string Id(string name) => name.Length == 0 ? "" : members[name].ToString();

        using var refused = await coordinator.PostFormAsync(Url(household, "Add"), Relation(Id(from), kind, Id(to)), formPage: Url(household));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var id = field.Replace('.', '_');
        var expected = (lastName, field) switch
        {
            ("Samme", _) => RelationsModel.SamePerson,
            ("Findes", _) => RelationsModel.AlreadyRelated,
            ("Yngre", _) => RelationAges.ParentYounger,
            ("Værge", _) => RelationAges.CustodianUnderAge,
            ("Barnegift", _) => RelationAges.SpouseUnderAge,
            (_, "Input.Kind") => RelationsModel.ChooseKind,
            _ => RelationsModel.ChooseMember,
        };
        Assert.Equal($"Fejl: {expected}", page.GetElementById($"{id}-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{id}']"));
        Assert.Equal("true", page.GetElementById(id)?.GetAttribute("aria-invalid"));
        if (from.Length > 0)
        {
            Assert.Equal(Id(from), page.QuerySelector("#Input_FromPersonId option[selected]")?.GetAttribute("value"));
        }

        Assert.Equal(before, await RelationCountAsync(household));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.RelationChanged && e.Details!.Contains(household.ToString()))));
    }

    [Fact]
    public async Task Remove_ARelationTypedWrongly_IsGone_AndLoggedForBoth_ASecondRemoveIsTold()
    {
        var (household, members) = await ThreeGenerationsAsync("Fjernes");
        var wrong = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).SelectMany(h => h.Relations)
            .Where(r => r.FromPersonId == members["Hustru"]).Select(r => r.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var removed = await coordinator.PostFormAsync($"{Url(household, "Remove")}&relationId={wrong}", [], formPage: Url(household));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, await RelationCountAsync(household));
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.RelationChanged && e.SubjectPersonId == members["Hustru"]));
        Assert.Contains("fjernet »Hustru Fjernes er søskende til Bedste Fjernes«", logged.Details, StringComparison.Ordinal);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.RelationChanged, members["Bedste"]));

        using var again = await coordinator.PostFormAsync($"{Url(household, "Remove")}&relationId={wrong}", [], formPage: Url(household));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(RelationsModel.RelationGone, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OnlyForTheCaseOwner_AndEveryMemberShownIsReadInTheLog()
    {
        var (household, members) = await ThreeGenerationsAsync("Adgang");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.Equal(HttpStatusCode.Forbidden, (await housing.GetAsync(Url(household))).StatusCode);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await coordinator.GetPageAsync(Url(household));
        using var posted = await housing.PostFormAsync(Url(household, "Add"), Relation(members["Søn"], "Spouse", members["Hustru"]), formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(3, await RelationCountAsync(household));
        Assert.Contains("Bedste Adgang", form, StringComparison.Ordinal);
        foreach (var member in members.Values)
        {
            Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e =>
                e.Action == AuditAction.PersonRead && e.SubjectPersonId == member && e.Purpose == "Relationer i husstanden")));
        }
    }

    [Fact]
    public async Task TwoRelateTheSamePairAtOnce_OneIsSaved_TheOtherIsToldTheyAreRelated()
    {
        var (household, members) = await ThreeGenerationsAsync("Samtidigrelation");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household), Url(household, "Add"));
        var formB = await OpenedForm.OpenAsync(b, Url(household), Url(household, "Add"));

        var results = await Task.WhenAll(
            formA.PostAsync(Relation(members["Søn"], "Spouse", members["Hustru"])),
            formB.PostAsync(Relation(members["Hustru"], "Spouse", members["Søn"])));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var other = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains(RelationsModel.AlreadyRelated, other.Html, StringComparison.Ordinal);
        Assert.Equal(4, await RelationCountAsync(household));
    }

    private static string Url(Guid household, string? handler = null) =>
        handler is null ? $"/Households/{household}/Relations" : $"/Households/{household}/Relations?handler={handler}";

    private static Dictionary<string, string> Relation(object from, string kind, object to) => new()
    {
        ["Input.FromPersonId"] = from.ToString()!,
        ["Input.Kind"] = kind,
        ["Input.ToPersonId"] = to.ToString()!,
    };

    private Task<int> RelationCountAsync(Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Relations.Count).SingleAsync());

    /// <summary>
    /// A grandmother (member 1), her son, his wife (recorded at registration as the grandmother's sibling, by mistake)
    /// and their child (the grandmother's, as registration only knows member 1): three relations, all to the first.
    /// </summary>
    private async Task<(Guid Household, Dictionary<string, Guid> Members)> ThreeGenerationsAsync(string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
        [
            new ArrivalMember("Bedste", lastName, new DateOnly(1950, 3, 1), Gender.Female, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Søn", lastName, new DateOnly(1980, 5, 1), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
            new ArrivalMember("Hustru", lastName, new DateOnly(1982, 7, 1), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Sibling),
            new ArrivalMember("Barn", lastName, new DateOnly(2015, 9, 1), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
        var members = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).ToDictionaryAsync(p => p.FirstName, p => p.Id));
        return (household, members);
    }
}
