using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>
/// The day by which the household must answer an offer of a permanent home (svarfrist), as the housing association
/// sets it: never before the offer, optional, and an offer still unanswered after it is overdue.
/// </summary>
public sealed class OfferAnswerDeadlineTests
{
    private static readonly DateOnly Offered = new(2026, 11, 20);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(5, false)]
    [InlineData(null, false)]
    public void AnAnswerDeadlineBeforeTheOffer_IsRefused_WhenMadeAndWhenCorrected(int? daysAfterOffer, bool refused)
    {
        DateOnly? answerBy = daysAfterOffer is { } days ? Offered.AddDays(days) : null;
        var correctable = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered);

        if (refused)
        {
            Assert.Equal(HousingOffer.AnswerBeforeOffer + " (Parameter 'answerBy')", Assert.Throws<ArgumentException>(() => new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, answerBy)).Message);
            Assert.Throws<ArgumentException>(() => correctable.Correct("Kirkevej 3", Offered, answerBy, null, null));
            Assert.Null(correctable.AnswerBy);
        }
        else
        {
            Assert.Equal(answerBy, new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, answerBy).AnswerBy);
            correctable.Correct("Kirkevej 3", Offered, answerBy, null, null);
            Assert.Equal(answerBy, correctable.AnswerBy);
        }
    }

    [Fact]
    public void ACorrectedAnswerDeadline_IsANewVersion_TheSameOneIsNot()
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, Offered.AddDays(3));
        var first = offer.Version;

        offer.Correct("Kirkevej 3", Offered, Offered.AddDays(3), null, null);
        Assert.Equal(first, offer.Version);

        offer.Correct("Kirkevej 3", Offered, Offered.AddDays(4), null, null);
        Assert.NotEqual(first, offer.Version);
    }

    public static TheoryData<int?, string, bool> Overdue => new()
    {
        // Days from the offer to the deadline, the offer's state, overdue on the day after the deadline's day (today = offer + 4).
        { 3, "pending", true },
        { 4, "pending", false },
        { 5, "pending", false },
        { null, "pending", false },
        { 3, "accepted", false },
        { 3, "declined", false },
    };

    [Theory]
    [MemberData(nameof(Overdue))]
    public void AnOfferIsOverdue_OnlyWhenStillPendingAfterItsDeadlineDay(int? deadlineDays, string state, bool overdue)
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, deadlineDays is { } days ? Offered.AddDays(days) : null);
        if (state == "accepted")
        {
            offer.Accept(Offered.AddDays(30));
        }
        else if (state == "declined")
        {
            offer.Decline();
        }

        Assert.Equal(overdue, offer.IsAnswerOverdue(Offered.AddDays(4)));
    }
}
