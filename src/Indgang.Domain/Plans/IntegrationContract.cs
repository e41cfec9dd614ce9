namespace Indgang.Domain.Plans;

/// <summary>The integration contract and residence/self-support declaration of one adult (PLAN-1).</summary>
public sealed class IntegrationContract
{
    public IntegrationContract(Guid personId, DateOnly createdOn)
    {
        PersonId = personId;
        CreatedOn = createdOn;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PersonId { get; private set; }
    public DateOnly CreatedOn { get; private set; }
    public DateOnly? ContractSignedOn { get; private set; }
    public DateOnly? DeclarationSignedOn { get; private set; }

    /// <summary>
    /// The concurrency token: a new value whenever the signing dates change, so that of two coordinators recording them
    /// from the same form, the second is refused instead of saving over the first unseen.
    /// </summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Both documents are signed: the contract deadline is judged by the later of the two.</summary>
    public DateOnly? CompletedOn => ContractSignedOn is { } c && DeclarationSignedOn is { } d ? (c > d ? c : d) : null;

    public void Sign(DateOnly contractSignedOn, DateOnly declarationSignedOn, DateOnly today)
    {
        if (contractSignedOn > today || declarationSignedOn > today)
        {
            throw new ArgumentException("A signing date cannot be in the future.");
        }

        if (contractSignedOn == ContractSignedOn && declarationSignedOn == DeclarationSignedOn)
        {
            return;
        }

        ContractSignedOn = contractSignedOn;
        DeclarationSignedOn = declarationSignedOn;
        Version = Guid.NewGuid();
    }
}
