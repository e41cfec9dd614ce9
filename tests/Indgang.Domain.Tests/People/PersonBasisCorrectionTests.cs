using Indgang.Domain.People;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.People;

/// <summary>A residence basis corrected: the person's concurrency token changes exactly when the basis does; no basis outside the list.</summary>
public sealed class PersonBasisCorrectionTests
{
    [Theory]
    [InlineData(ResidenceBasis.VisitedRefugee, ResidenceBasis.QuotaRefugee, true)]
    [InlineData(ResidenceBasis.QuotaRefugee, ResidenceBasis.UnaccompaniedMinor, true)]
    [InlineData(ResidenceBasis.FamilyReunified, ResidenceBasis.FamilyReunified, false)]
    public void CorrectBasis_NewVersionOnlyWhenTheBasisChanges(ResidenceBasis registered, ResidenceBasis corrected, bool changes)
    {
        var person = new Person("Amal", "Grundlag", new DateOnly(1990, 1, 1), Gender.Female) { Basis = registered };
        var before = person.Version;

        person.CorrectBasis(corrected);

        Assert.Equal(corrected, person.Basis);
        Assert.Equal(changes, person.Version != before);
    }

    [Fact]
    public void CorrectBasis_ToNoBasisOfTheList_IsRefused_AndNothingChanges()
    {
        var person = new Person("Amal", "Grundlag", new DateOnly(1990, 1, 1), Gender.Female) { Basis = ResidenceBasis.QuotaRefugee };
        var before = person.Version;

        Assert.Throws<ArgumentOutOfRangeException>(() => person.CorrectBasis((ResidenceBasis)99));

        Assert.Equal((ResidenceBasis.QuotaRefugee, before), (person.Basis, person.Version));
    }
}
