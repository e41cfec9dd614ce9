using System.Net;
using AngleSharp.Html.Parser;
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
/// A quota refugee has no visitation decision to bound the contract's signing dates from below: a year such as 0206 is
/// refused beside the field as before the integration act, with what was typed kept, and nothing is saved (it showed the
/// contract deadline met).
/// </summary>
public sealed class ContractSigningDateBoundsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task SignedInTheYear0206_WithoutAVisitationDecision_IsRefusedBesideTheField_NothingSaved()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today.AddDays(-20),
            [new ArrivalMember("Kvote", "Kontraktoldtid", new DateOnly(1980, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Contract?personId={person}";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string>
        {
            ["ContractSignedOn"] = "0206-05-01",
            ["DeclarationSignedOn"] = Iso(Today),
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal("Fejl: Datoen kan ikke ligge før 1. januar 1999, hvor integrationsloven trådte i kraft. Tjek årstallet.", page.GetElementById("ContractSignedOn-error")?.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-error a[href='#ContractSignedOn']"));
        Assert.Equal("0206-05-01", page.GetElementById("ContractSignedOn")?.GetAttribute("value"));
        Assert.Null(page.GetElementById("DeclarationSignedOn-error"));
        Assert.False(await factory.QueryAsync(db => db.IntegrationContracts.AnyAsync(c => c.PersonId == person)));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.ContractSigned, person));
    }
}
