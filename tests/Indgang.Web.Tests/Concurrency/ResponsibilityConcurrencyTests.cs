using System.Net;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two administrators change the responsibility matrix from forms opened before either saved: each one's changed rows
/// are saved and no one's change is undone by a row the other left as it was; a row both changed is shown to the second
/// with the other's department beside their own, and saved by pressing the button again.
/// </summary>
public sealed class ResponsibilityConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Message = "Ansvarsfordelingen er ændret af en anden, mens du rettede den. Ved de opgaver, som I begge har ændret, står den afdeling, der er gemt nu. Intet er gemt. Tryk »Gem ansvarsfordelingen« igen for at gemme dine valg.";

    [Fact]
    public async Task DifferentRowsChangedByTwo_BothChangesAreKept()
    {
        var (technical, school) = (await DepartmentAsync("teknik-drift"), await DepartmentAsync("skole-dagtilbud"));
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var (formA, shownA) = (await OpenedForm.OpenAsync(a, Url), await CurrentAsync());
        var (formB, shownB) = (await OpenedForm.OpenAsync(b, Url), await CurrentAsync());

        shownB[Key(TaskType.LeaseContract)] = technical.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await formB.PostAsync(shownB)).Status);
        shownA[Key(TaskType.TaxCard)] = school.ToString();
        var aSaved = await formA.PostAsync(shownA);

        Assert.Equal(HttpStatusCode.Redirect, aSaved.Status);
        var stored = await CurrentAsync();
        Assert.Equal(technical.ToString(), stored[Key(TaskType.LeaseContract)]);
        Assert.Equal(school.ToString(), stored[Key(TaskType.TaxCard)]);
    }

    [Fact]
    public async Task SameRowChangedByAnotherWhileEditing_TheirDepartmentShownBesideMine_SavingAgainSavesMine()
    {
        var (technical, school) = (await DepartmentAsync("teknik-drift"), await DepartmentAsync("skole-dagtilbud"));
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var (formA, shownA) = (await OpenedForm.OpenAsync(a, Url), await CurrentAsync());
        var (formB, shownB) = (await OpenedForm.OpenAsync(b, Url), await CurrentAsync());

        shownB[Key(TaskType.GpRegistration)] = technical.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await formB.PostAsync(shownB)).Status);
        shownA[Key(TaskType.GpRegistration)] = school.ToString();
        var conflict = await formA.PostAsync(shownA);

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Message}</li>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Owners_{TaskType.GpRegistration}_-saved\">Gemt af en anden: Teknik og drift</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{school}\" selected=\"selected\">Skole- og dagtilbud</option>", conflict.Html, StringComparison.Ordinal);
        Assert.Equal(technical.ToString(), (await CurrentAsync())[Key(TaskType.GpRegistration)]);

        var again = await OpenedForm.Of(a, Url, conflict.Html).PostAsync(shownA);

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(school.ToString(), (await CurrentAsync())[Key(TaskType.GpRegistration)]);
    }

    [Fact]
    public async Task SameRowChangedByTwoAtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var (technical, school) = (await DepartmentAsync("teknik-drift"), await DepartmentAsync("skole-dagtilbud"));
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var (formA, shownA) = (await OpenedForm.OpenAsync(a, Url), await CurrentAsync());
        var (formB, shownB) = (await OpenedForm.OpenAsync(b, Url), await CurrentAsync());
        shownA[Key(TaskType.BankAccount)] = technical.ToString();
        shownB[Key(TaskType.BankAccount)] = school.ToString();

        var results = await Task.WhenAll(formA.PostAsync(shownA), formB.PostAsync(shownB));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Message}</li>", loser.Html, StringComparison.Ordinal);
        Assert.Equal((winner == 0 ? technical : school).ToString(), (await CurrentAsync())[Key(TaskType.BankAccount)]);
    }

    private const string Url = "/Admin/Responsibilities";

    private static string Key(TaskType type) => $"Owners[{type}]";

    private async Task<Dictionary<string, string>> CurrentAsync() =>
        (await factory.QueryAsync(db => db.Responsibilities.ToListAsync())).ToDictionary(r => Key(r.TaskType), r => r.DepartmentId.ToString());

    private Task<Guid> DepartmentAsync(string code) =>
        factory.QueryAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
}
