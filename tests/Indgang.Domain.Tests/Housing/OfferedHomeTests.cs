using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>
/// What an offer of a permanent home says about the home, as far as the association told it: its rooms (1 to
/// <see cref="HousingOffer.MostRooms"/>) and its monthly rent (0 kr. or more), both optional, when made and when corrected.
/// </summary>
public sealed class OfferedHomeTests
{
    private static readonly DateOnly Offered = new(2026, 11, 20);

    public static TheoryData<int?, decimal?, string?> Homes => new()
    {
        // Rooms, rent, the parameter refused (null: taken as given).
        { null, null, null },
        { 1, 0m, null },
        { 3, 6450.50m, null },
        { HousingOffer.MostRooms, 25000m, null },
        { 0, 5000m, "rooms" },
        { -2, null, "rooms" },
        { HousingOffer.MostRooms + 1, null, "rooms" },
        { 3, -0.01m, "monthlyRent" },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public void RoomsAndRent_AreTakenAsGiven_OrRefused_WhenMadeAndWhenCorrected(int? rooms, decimal? rent, string? refused)
    {
        var correctable = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, null, 2, 4000m);
        if (refused is not null)
        {
            Assert.Equal(refused, Assert.Throws<ArgumentOutOfRangeException>(() => new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, null, rooms, rent)).ParamName);
            Assert.Equal(refused, Assert.Throws<ArgumentOutOfRangeException>(() => correctable.Correct("Kirkevej 3", Offered, null, rooms, rent)).ParamName);
            Assert.Equal((2, 4000m), (correctable.Rooms, correctable.MonthlyRent));
            return;
        }

        var made = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, null, rooms, rent);
        Assert.Equal((rooms, rent), (made.Rooms, made.MonthlyRent));
        correctable.Correct("Kirkevej 3", Offered, null, rooms, rent);
        Assert.Equal((rooms, rent), (correctable.Rooms, correctable.MonthlyRent));
    }

    [Fact]
    public void CorrectedRoomsOrRent_AreANewVersion_TheSameOnesAreNot()
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, null, 3, 5200m);
        var first = offer.Version;

        offer.Correct("Kirkevej 3", Offered, null, 3, 5200m);
        Assert.Equal(first, offer.Version);

        offer.Correct("Kirkevej 3", Offered, null, 3, 5250m);
        var second = offer.Version;
        Assert.NotEqual(first, second);

        offer.Correct("Kirkevej 3", Offered, null, 4, 5250m);
        Assert.NotEqual(second, offer.Version);
    }
}

/// <summary>Why a household said no to an offer: optional, trimmed, at most <see cref="HousingOffer.DeclineReasonLength"/> characters.</summary>
public sealed class OfferDeclineReasonTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("  For langt fra skolen. ", "For langt fra skolen.")]
    public void TheReason_IsKeptTrimmed_OrNoneWhenBlank(string? reason, string? kept)
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", new DateOnly(2026, 11, 20));

        offer.Decline(reason);

        Assert.Equal((OfferStatus.Declined, kept), (offer.Status, offer.DeclineReason));
    }

    [Fact]
    public void AReasonTooLong_IsRefused_AndTheOfferStaysPending()
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", new DateOnly(2026, 11, 20));

        Assert.Throws<ArgumentOutOfRangeException>(() => offer.Decline(new string('x', HousingOffer.DeclineReasonLength + 1)));
        Assert.Equal((OfferStatus.Pending, (string?)null), (offer.Status, offer.DeclineReason));
        offer.Decline(new string('x', HousingOffer.DeclineReasonLength));
        Assert.Equal(OfferStatus.Declined, offer.Status);
    }
}

/// <summary>
/// Which offers can be corrected: one waiting for an answer, and one accepted (the home the household moves to, whose
/// address the move's tasks carry); a declined offer is history.
/// </summary>
public sealed class OfferCorrectableTests
{
    private static readonly DateOnly Offered = new(2026, 11, 20);

    public static TheoryData<string, bool> Answers => new()
    {
        { "venter", true },
        { "accepteret", true },
        { "afslået", false },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void AnOffer_IsCorrected_UnlessDeclined(string answer, bool corrected)
    {
        var offer = new HousingOffer(Guid.NewGuid(), "Kirkevej 3", Offered, null, 2, 4000m);
        if (answer == "accepteret")
        {
            offer.Accept(Offered.AddDays(30));
        }
        else if (answer == "afslået")
        {
            offer.Decline("For dyr");
        }

        var status = offer.Status;
        var version = offer.Version;
        if (!corrected)
        {
            Assert.Throws<InvalidOperationException>(() => offer.Correct("Kirkevej 5", Offered, null, 2, 4000m));
            Assert.Equal(("Kirkevej 3", version), (offer.Address, offer.Version));
            return;
        }

        offer.Correct("Kirkevej 5", Offered, null, 3, 4100m);

        Assert.Equal(("Kirkevej 5", 3, 4100m, status), (offer.Address, offer.Rooms, offer.MonthlyRent, offer.Status));
        Assert.NotEqual(version, offer.Version);
        // An accepted offer keeps its move date: it is changed by a step of its own.
        Assert.Equal(answer == "accepteret" ? Offered.AddDays(30) : null, offer.MoveDate);
    }
}
