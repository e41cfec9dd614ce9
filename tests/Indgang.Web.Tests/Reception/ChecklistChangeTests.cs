using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.Tests.Reception;

/// <summary>Which tasks a change of the checklist adds and removes, by type and member: the comparison alone, without a database.</summary>
public sealed class ChecklistChangeTests
{
    private static readonly Guid Son = Guid.NewGuid();
    private static readonly Guid Mother = Guid.NewGuid();
    private static readonly DateOnly Arrival = new(2027, 3, 1);

    [Fact]
    public void AnAdultSonMadeAChild_HisAdultTasksRemoved_HisSchoolOfferAndTheFamilysConsultantAdded_TheRestInNeither()
    {
        ChecklistDate[] before =
        [
            new(TaskType.TaxCard, Mother, Arrival.AddDays(14)),
            new(TaskType.TaxCard, Son, Arrival.AddDays(14)),
            new(TaskType.BankAccount, Son, Arrival.AddDays(14)),
            new(TaskType.HealthDocumentsConsent, Son, Arrival.AddDays(14)),
            new(TaskType.StartPackage, null, Arrival),
        ];
        ChecklistDate[] after =
        [
            new(TaskType.TaxCard, Mother, Arrival.AddDays(14)),
            // On another date, the same task: moved, neither added nor removed.
            new(TaskType.HealthDocumentsConsent, Son, Arrival.AddDays(20)),
            new(TaskType.StartPackage, null, Arrival),
            new(TaskType.SchoolOrDaycareOffer, Son, Arrival.AddDays(14)),
            new(TaskType.FamilyConsultantOffer, null, Arrival.AddDays(30)),
        ];

        var change = ChecklistChange.Between(before, after);

        Assert.Equal([(TaskType.SchoolOrDaycareOffer, (Guid?)Son), (TaskType.FamilyConsultantOffer, null)], change.Added.OrderBy(k => k.Type == TaskType.FamilyConsultantOffer));
        Assert.Equal([(TaskType.TaxCard, (Guid?)Son), (TaskType.BankAccount, Son)], change.Removed.OrderBy(k => k.Type == TaskType.BankAccount));
        Assert.False(change.IsNone);
    }

    [Fact]
    public void TheSameTasksOnOtherDates_NoChange()
    {
        var change = ChecklistChange.Between(
            [new(TaskType.TaxCard, Son, Arrival), new(TaskType.StartPackage, null, Arrival)],
            [new(TaskType.StartPackage, null, Arrival.AddDays(3)), new(TaskType.TaxCard, Son, Arrival.AddDays(3))]);

        Assert.True(change.IsNone);
    }

    /// <summary>The same type for another member is another task: the son's tax card is not the mother's.</summary>
    [Fact]
    public void ATaskOfTheSameTypeForAnotherMember_IsAnotherTask()
    {
        var change = ChecklistChange.Between([new(TaskType.TaxCard, Mother, Arrival)], [new(TaskType.TaxCard, Son, Arrival)]);

        Assert.Equal([(TaskType.TaxCard, (Guid?)Son)], change.Added);
        Assert.Equal([(TaskType.TaxCard, (Guid?)Mother)], change.Removed);
    }
}
