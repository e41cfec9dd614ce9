using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// A member's gender and relation are ones the app can name, whatever way the member came in (form, API, CSV): a value
/// outside the list is refused beside its field, as an unknown residence basis is.
/// </summary>
public sealed class ArrivalValidatorEnumTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData(99, null, "Members[1].Gender", ArrivalValidator.UnknownGender)]
    [InlineData((int)Gender.Female, 42, "Members[1].RelationToFirst", ArrivalValidator.UnknownRelation)]
    public void ValidateMember_AValueOutsideTheList_IsRefusedBesideItsField(int gender, int? relation, string field, string message)
    {
        var member = new ArrivalMember("Amal", "Tal", new DateOnly(1991, 3, 3), (Gender)gender, ResidenceBasis.FamilyReunified,
            RelationToFirst: (RelationKind?)relation);
        var errors = new ArrivalErrors();

        ArrivalValidator.ValidateMember(member, "Members[1]", 1, Today, errors);

        Assert.Equal([message], errors[field]);
    }

    [Fact]
    public void ValidateMember_KnownValues_AreNotRefused()
    {
        var member = new ArrivalMember("Amal", "Tal", new DateOnly(1991, 3, 3), Gender.Unknown, ResidenceBasis.FamilyReunified, RelationToFirst: RelationKind.Custodian);
        var errors = new ArrivalErrors();

        ArrivalValidator.ValidateMember(member, "Members[1]", 1, Today, errors);

        Assert.Empty(errors);
    }
}
