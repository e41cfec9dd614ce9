using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>An accepted offer corrected cannot be dated after its move: the household cannot move before it was offered the home.</summary>
public sealed class OfferDatedAfterMoveTests
{
    private static readonly DateOnly Offered = new(2026, 11, 1);
    private static readonly DateOnly Moved = new(2026, 11, 10);

    [Fact]
    public void Correct_AcceptedOffer_DatedAfterItsMove_IsRefusedAndKeepsItsDate()
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered);
        offer.Accept(Moved);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => offer.Correct("Kirkevej 3", Moved.AddDays(1), null, null, null));

        Assert.Equal("offeredOn", refused.ParamName);
        Assert.Equal(Offered, offer.OfferedOn);
    }

    [Fact]
    public void Correct_AcceptedOffer_DatedOnItsMoveDay_IsTaken()
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered);
        offer.Accept(Moved);

        offer.Correct("Kirkevej 3", Moved, null, null, null);

        Assert.Equal(Moved, offer.OfferedOn);
    }
}
