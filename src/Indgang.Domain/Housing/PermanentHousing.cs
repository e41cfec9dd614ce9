namespace Indgang.Domain.Housing;

/// <summary>The municipality's yearly quota of refugees (persons), the input to the capacity forecast.</summary>
public sealed class MunicipalQuota
{
    public MunicipalQuota(int year, int persons)
    {
        Year = year;
        Persons = persons;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public int Year { get; private set; }
    public int Persons { get; set; }
}

/// <summary>
/// A household's registration on a housing association's waiting list (HOUSE-5). It can be corrected (a waiting-list
/// number typed wrong) by two coordinators at once, so it carries a concurrency token, <see cref="Version"/>, that
/// changes with every correction.
/// </summary>
public sealed class HousingRegistration
{
    public HousingRegistration(Guid householdId, string association, DateOnly registeredOn, string? waitingListNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(association);
        HouseholdId = householdId;
        Association = association.Trim();
        RegisteredOn = registeredOn;
        WaitingListNumber = string.IsNullOrWhiteSpace(waitingListNumber) ? null : waitingListNumber.Trim();
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid HouseholdId { get; private set; }
    public string Association { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    public string? WaitingListNumber { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>
    /// The submission token it was saved with (the form's hidden token, the API's Idempotency-Key), unique: the same
    /// step sent twice (a double click, a client's retry) is saved once. Null when none was sent.
    /// </summary>
    public Guid? SubmissionToken { get; set; }

    /// <summary>Corrects what was registered; a change makes a new version.</summary>
    public void Correct(string association, DateOnly registeredOn, string? waitingListNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(association);
        var number = string.IsNullOrWhiteSpace(waitingListNumber) ? null : waitingListNumber.Trim();
        if (Association == association.Trim() && RegisteredOn == registeredOn && WaitingListNumber == number)
        {
            return;
        }

        Association = association.Trim();
        RegisteredOn = registeredOn;
        WaitingListNumber = number;
        Version = Guid.NewGuid();
    }
}

public enum OfferStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>
/// An offer of a permanent home; accepting it sets the move date and frees the temporary beds. Two coordinators may
/// answer it at once, so it carries a concurrency token, <see cref="Version"/>, that changes with every answer. The
/// association may set a day by which the household must answer (<see cref="AnswerBy"/>, svarfrist): an offer left
/// unanswered past it is usually lost. The offer says what the home is, as far as the association told it: its rooms
/// (<see cref="Rooms"/>) and its monthly rent (<see cref="MonthlyRent"/>), which the household must be able to pay
/// ("en passende husleje", seed 002).
/// </summary>
public sealed class HousingOffer
{
    public HousingOffer(Guid householdId, string address, DateOnly offeredOn, DateOnly? answerBy = null, int? rooms = null, decimal? monthlyRent = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        RequireAnswerAfterOffer(offeredOn, answerBy);
        RequireHome(rooms, monthlyRent);
        HouseholdId = householdId;
        Address = address.Trim();
        OfferedOn = offeredOn;
        AnswerBy = answerBy;
        Rooms = rooms;
        MonthlyRent = monthlyRent;
    }

    public const string AnswerBeforeOffer = "Svarfristen kan ikke ligge før tilbuddet.";

    /// <summary>Why a declined offer is not corrected: it is history.</summary>
    public const string DeclinedNotCorrected = "Et afslået tilbud kan ikke rettes.";

    /// <summary>The refusal of an accepted offer dated after its move: the household cannot move before it was offered the home.</summary>
    public const string OfferAfterMove = "Tilbudsdatoen kan ikke ligge efter flyttedatoen. Ret flyttedatoen først, hvis den er forkert.";

    /// <summary>More rooms than any home offered to a household has: a number above it is a typing mistake.</summary>
    public const int MostRooms = 20;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid HouseholdId { get; private set; }
    public string Address { get; private set; }
    public DateOnly OfferedOn { get; private set; }
    public OfferStatus Status { get; private set; } = OfferStatus.Pending;
    public DateOnly? MoveDate { get; private set; }

    /// <summary>
    /// The move out of the household's temporary home agreed for a later day before the offer was accepted (to another
    /// of our units, say), which the acceptance brought forward to the move day; null when there was none, or once the
    /// move day is changed to that day or later (<see cref="ChangeMoveDate"/>). An acceptance undone puts it back
    /// (<see cref="DestinationAgreedBefore"/>).
    /// </summary>
    public DateOnly? MoveOutAgreedBefore { get; private set; }

    /// <summary>Where the household was going by the move out agreed before the acceptance (<see cref="MoveOutAgreedBefore"/>).</summary>
    public MoveOutDestination? DestinationAgreedBefore { get; private set; }

    /// <summary>The last day the household can answer, as the association set it; null when none was given.</summary>
    public DateOnly? AnswerBy { get; private set; }

    /// <summary>The home's rooms, as the offer gives them; null when not given.</summary>
    public int? Rooms { get; private set; }

    /// <summary>The home's monthly rent in kroner, as the offer gives it; null when not given.</summary>
    public decimal? MonthlyRent { get; private set; }

    /// <summary>Why the household said no, when it was told; null otherwise.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>The longest reason for a decline kept (a sentence or two, not a case note).</summary>
    public const int DeclineReasonLength = 500;

    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>
    /// The submission token it was saved with (the form's hidden token, the API's Idempotency-Key), unique: the same
    /// step sent twice (a double click, a client's retry) is saved once. Null when none was sent.
    /// </summary>
    public Guid? SubmissionToken { get; set; }

    /// <summary>Still waiting for an answer after the last day to give one.</summary>
    public bool IsAnswerOverdue(DateOnly today) => Status == OfferStatus.Pending && AnswerBy < today;

    /// <summary>
    /// Corrects an offer typed wrong (its address, its date, its answer deadline, its rooms and rent), waiting for an answer
    /// or accepted (the home the household moves to; its move date has a step of its own, and the offer cannot be dated
    /// after it); a declined offer is history. A change makes a new version.
    /// </summary>
    public void Correct(string address, DateOnly offeredOn, DateOnly? answerBy, int? rooms, decimal? monthlyRent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        RequireAnswerAfterOffer(offeredOn, answerBy);
        RequireHome(rooms, monthlyRent);
        if (Status == OfferStatus.Declined)
        {
            throw new InvalidOperationException(DeclinedNotCorrected);
        }

        if (MoveDate is { } move && offeredOn > move)
        {
            throw new ArgumentOutOfRangeException(nameof(offeredOn), offeredOn, OfferAfterMove);
        }

        if (Address == address.Trim() && OfferedOn == offeredOn && AnswerBy == answerBy && Rooms == rooms && MonthlyRent == monthlyRent)
        {
            return;
        }

        Address = address.Trim();
        OfferedOn = offeredOn;
        AnswerBy = answerBy;
        Rooms = rooms;
        MonthlyRent = monthlyRent;
        Version = Guid.NewGuid();
    }

    private static void RequireHome(int? rooms, decimal? monthlyRent)
    {
        if (rooms is < 1 or > MostRooms)
        {
            throw new ArgumentOutOfRangeException(nameof(rooms), rooms, $"En bolig har fra 1 til {MostRooms} værelser.");
        }

        if (monthlyRent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyRent), monthlyRent, "Huslejen kan ikke være negativ.");
        }
    }

    private static void RequireAnswerAfterOffer(DateOnly offeredOn, DateOnly? answerBy)
    {
        if (answerBy < offeredOn)
        {
            throw new ArgumentException(AnswerBeforeOffer, nameof(answerBy));
        }
    }

    public void Accept(DateOnly moveDate)
    {
        if (Status != OfferStatus.Pending)
        {
            throw new InvalidOperationException("Tilbuddet er allerede besvaret.");
        }

        if (moveDate < OfferedOn)
        {
            throw new ArgumentException("Flyttedatoen kan ikke ligge før tilbuddet.");
        }

        Status = OfferStatus.Accepted;
        MoveDate = moveDate;
        Touch();
    }

    /// <summary>
    /// The accepted move brings forward the move out of the temporary home agreed for <paramref name="agreed"/>, to
    /// <paramref name="destination"/>: kept, for an acceptance undone to put it back.
    /// </summary>
    public void MoveOutBroughtForward(DateOnly agreed, MoveOutDestination? destination)
    {
        if (Status != OfferStatus.Accepted || agreed <= MoveDate)
        {
            throw new InvalidOperationException("Kun en fraflytning aftalt til efter flyttedatoen for et accepteret tilbud rykkes frem.");
        }

        MoveOutAgreedBefore = agreed;
        DestinationAgreedBefore = destination;
    }

    /// <summary>The household said no; <paramref name="reason"/>, optional, is why (too far from the children's school, say).</summary>
    public void Decline(string? reason = null)
    {
        if (Status != OfferStatus.Pending)
        {
            throw new InvalidOperationException("Tilbuddet er allerede besvaret.");
        }

        var why = KeptReason(reason);
        if (why?.Length > DeclineReasonLength)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), why.Length, $"En begrundelse for et afslag har højst {DeclineReasonLength} tegn.");
        }

        Status = OfferStatus.Declined;
        DeclineReason = why;
        Touch();
    }

    /// <summary>A decline's reason as the offer keeps it: trimmed, none when blank.</summary>
    public static string? KeptReason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    /// <summary>
    /// The move of an accepted offer comes on another day (the association hands over the keys later, say). A move out
    /// agreed before the acceptance (<see cref="MoveOutAgreedBefore"/>) that the new day does not come before is no
    /// longer brought forward by it: forgotten, so that an acceptance undone does not put it back.
    /// </summary>
    public void ChangeMoveDate(DateOnly moveDate)
    {
        if (Status != OfferStatus.Accepted)
        {
            throw new InvalidOperationException("Kun et accepteret tilbud har en flyttedato.");
        }

        if (moveDate < OfferedOn)
        {
            throw new ArgumentException("Flyttedatoen kan ikke ligge før tilbuddet.");
        }

        MoveDate = moveDate;
        if (MoveOutAgreedBefore <= moveDate)
        {
            MoveOutAgreedBefore = null;
            DestinationAgreedBefore = null;
        }

        Touch();
    }

    /// <summary>An accepted offer falls through before the move: it is open again, to accept on another day or decline.</summary>
    public void Reopen()
    {
        if (Status != OfferStatus.Accepted)
        {
            throw new InvalidOperationException("Kun et accepteret tilbud kan fortrydes.");
        }

        Status = OfferStatus.Pending;
        MoveDate = null;
        MoveOutAgreedBefore = null;
        DestinationAgreedBefore = null;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
