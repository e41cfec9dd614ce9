using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>An accepted permanent home whose move comes on another day, or falls through.</summary>
public sealed class AgreedMoveTests
{
    private static readonly DateOnly Offered = new(2026, 12, 1);

    [Fact]
    public void ChangeMoveDateAndReopen_AcceptedOffer_FollowTheNewDayThenOpenAgain()
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered);
        offer.Accept(Offered.AddDays(20));

        offer.ChangeMoveDate(Offered.AddDays(34));
        Assert.Equal(Offered.AddDays(34), offer.MoveDate);
        Assert.Equal(OfferStatus.Accepted, offer.Status);

        offer.Reopen();
        Assert.Equal(OfferStatus.Pending, offer.Status);
        Assert.Null(offer.MoveDate);
        offer.Decline();
        Assert.Equal(OfferStatus.Declined, offer.Status);
    }

    /// <summary>
    /// A move out agreed for day 30 that the acceptance (move day 5) brought forward is kept for an undo to put back while
    /// the move day stays before it; moved to day 30 or later, the move day no longer brings it forward, and it is forgotten.
    /// </summary>
    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(40, false)]
    public void ChangeMoveDate_MoveOutAgreedBefore_KeptOnlyWhileTheMoveDayComesBeforeIt(int newDay, bool kept)
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered);
        offer.Accept(Offered.AddDays(5));
        offer.MoveOutBroughtForward(Offered.AddDays(30), MoveOutDestination.OtherMunicipalUnit);

        offer.ChangeMoveDate(Offered.AddDays(newDay));

        Assert.Equal(kept ? Offered.AddDays(30) : null, offer.MoveOutAgreedBefore);
        Assert.Equal(kept ? MoveOutDestination.OtherMunicipalUnit : null, offer.DestinationAgreedBefore);
    }

    [Fact]
    public void ChangeMoveDateAndReopen_OfferNotAccepted_AreRefused()
    {
        var pending = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered);
        Assert.Throws<InvalidOperationException>(() => pending.ChangeMoveDate(Offered.AddDays(5)));
        Assert.Throws<InvalidOperationException>(pending.Reopen);

        var accepted = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered);
        accepted.Accept(Offered.AddDays(20));
        Assert.Throws<ArgumentException>(() => accepted.ChangeMoveDate(Offered.AddDays(-1)));
        Assert.Equal(Offered.AddDays(20), accepted.MoveDate);
    }

    [Theory]
    // the unit's "free from" before, the agreed day, the new day, "free from" after
    [InlineData(20, 20, 34, 34)] // later: free from the new day
    [InlineData(20, 20, 10, 10)] // earlier, the agreed day held the unit back: free from the new day
    [InlineData(25, 20, 10, 25)] // earlier, but the unit is held back to day 25 for another reason: stays so
    [InlineData(25, 20, 30, 30)] // later than that too
    public void MoveOutChanged_MovesTheUnitsFreeDay(int freeFrom, int agreed, int newDay, int expected)
    {
        var unit = new HousingUnit(Guid.NewGuid(), "Pavillon A", rooms: 3, beds: 5, monthlyRent: 4100) { AvailableFrom = Offered.AddDays(freeFrom) };

        unit.MoveOutChanged(Offered.AddDays(agreed), Offered.AddDays(newDay));

        Assert.Equal(Offered.AddDays(expected), unit.AvailableFrom);
    }

    [Fact]
    public void MoveOutCalledOff_TakesTheBedsAgainAndReleasesTheAgreedDay()
    {
        var movedIn = Offered.AddDays(-100);
        var unit = new HousingUnit(Guid.NewGuid(), "Pavillon A", rooms: 3, beds: 5, monthlyRent: 4100) { AvailableFrom = movedIn };
        var stay = new Occupancy(unit.Id, Guid.NewGuid(), beds: 4, movedIn, isTemporary: true);
        unit.MoveIn(4);
        stay.MoveOut(Offered.AddDays(20));
        unit.MoveOut(4, Offered.AddDays(20));

        stay.StayOn();
        unit.MoveOutCalledOff(Offered.AddDays(20), movedIn, 4);

        Assert.True(stay.IsCurrent);
        Assert.Equal(1, unit.FreeBeds);
        Assert.Equal(1, unit.OccupyingHouseholds);
        Assert.Equal(movedIn, unit.AvailableFrom);
    }
}
