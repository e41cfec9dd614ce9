using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>A site's facts are corrected through <see cref="HousingSite.Edit"/>, which holds the same rules as creating one.</summary>
public sealed class HousingSiteTests
{
    private static readonly Guid Lynge = Guid.NewGuid();
    private static readonly Guid Engholm = Guid.NewGuid();

    [Fact]
    public void Edit_NewFacts_AreTrimmedAndTheVersionChanges()
    {
        var site = new HousingSite("Pavillonerne", SiteKind.Pavilion, Lynge, "Lyngevej 1");
        var opened = site.Version;

        site.Edit("  Den gamle skole ", SiteKind.MunicipalBuilding, Engholm, " Skolevej 4, 3450 Allerød ");

        Assert.Equal("Den gamle skole", site.Name);
        Assert.Equal(SiteKind.MunicipalBuilding, site.Kind);
        Assert.Equal(Engholm, site.TownId);
        Assert.Equal("Skolevej 4, 3450 Allerød", site.Address);
        Assert.NotEqual(opened, site.Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Edit_AddressLeftBlank_HasNoAddress(string? address)
    {
        var site = new HousingSite("Pavillonerne", SiteKind.Pavilion, Lynge, "Lyngevej 1");

        site.Edit("Pavillonerne", SiteKind.Pavilion, Lynge, address);

        Assert.Null(site.Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Edit_BlankName_IsRefusedAndNothingChanges(string name)
    {
        var site = new HousingSite("Pavillonerne", SiteKind.Pavilion, Lynge, "Lyngevej 1");
        var opened = site.Version;

        Assert.Throws<ArgumentException>(() => site.Edit(name, SiteKind.MunicipalBuilding, Engholm, "Skolevej 4"));

        AssertUnchanged(site, opened);
    }

    [Fact]
    public void Edit_KindThatIsNoSiteKindOrNoTown_IsRefusedAndNothingChanges()
    {
        var site = new HousingSite("Pavillonerne", SiteKind.Pavilion, Lynge, "Lyngevej 1");
        var opened = site.Version;

        Assert.Throws<ArgumentOutOfRangeException>(() => site.Edit("Skolen", (SiteKind)99, Engholm, null));
        Assert.Throws<ArgumentException>(() => site.Edit("Skolen", SiteKind.MunicipalBuilding, Guid.Empty, null));

        AssertUnchanged(site, opened);
    }

    [Fact]
    public void Create_BreakingTheSameRules_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new HousingSite(" ", SiteKind.Pavilion, Lynge, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HousingSite("Skolen", 0, Lynge, null));
        Assert.Throws<ArgumentException>(() => new HousingSite("Skolen", SiteKind.Pavilion, Guid.Empty, null));
    }

    private static void AssertUnchanged(HousingSite site, Guid opened)
    {
        Assert.Equal("Pavillonerne", site.Name);
        Assert.Equal(SiteKind.Pavilion, site.Kind);
        Assert.Equal(Lynge, site.TownId);
        Assert.Equal("Lyngevej 1", site.Address);
        Assert.Equal(opened, site.Version);
    }
}
