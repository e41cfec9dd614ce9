using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Reception;

public class ResponsibilityMatrixTests
{
    [Theory]
    [InlineData(TaskType.LeaseContract, "sekretariatet")]
    [InlineData(TaskType.KeyHandover, "sekretariatet")]
    [InlineData(TaskType.SchoolOrDaycareOffer, "skole-dagtilbud")]
    [InlineData(TaskType.FamilyConsultantOffer, "boern-familier")]
    [InlineData(TaskType.ChildrenAndFamiliesAssessment, "boern-familier")]
    [InlineData(TaskType.MoveInDefectsList, "teknik-drift")]
    [InlineData(TaskType.HealthDocumentsConsent, "aeldre-sundhed")]
    [InlineData(TaskType.CprAndFolkeregister, "jobberiet")]
    [InlineData(TaskType.GpRegistration, "jobberiet")]
    [InlineData(TaskType.TaxCard, "jobberiet")]
    [InlineData(TaskType.BankAccount, "jobberiet")]
    [InlineData(TaskType.BenefitsInformation, "jobberiet")]
    [InlineData(TaskType.StartPackage, "jobberiet")]
    [InlineData(TaskType.HouseRulesIntroduction, "jobberiet")]
    [InlineData(TaskType.LeaseTermination, "sekretariatet")]
    [InlineData(TaskType.KeyReturn, "sekretariatet")]
    [InlineData(TaskType.MoveOutInspection, "teknik-drift")]
    [InlineData(TaskType.PermanentHomeGuidance, "jobberiet")]
    [InlineData(TaskType.PermanentHomeDefectsList, "jobberiet")]
    [InlineData(TaskType.HousingRegistrationHelp, "jobberiet")]
    [InlineData(TaskType.PermanentHomeMotivation, "jobberiet")]
    public void DepartmentFor_Allerød_FollowsStrategyTable(TaskType type, string expected)
    {
        Assert.Equal(expected, ResponsibilityMatrix.Allerød.DepartmentFor(type));
    }

    [Fact]
    public void DepartmentFor_Allerød_EveryTaskTypeHasAnOwner()
    {
        Assert.All(Enum.GetValues<TaskType>(), type => Assert.False(string.IsNullOrWhiteSpace(ResponsibilityMatrix.Allerød.DepartmentFor(type))));
    }

    [Fact]
    public void DepartmentFor_Unowned_ThrowsAndTryGetIsFalse()
    {
        var matrix = new ResponsibilityMatrix(new Dictionary<TaskType, string> { [TaskType.LeaseContract] = " boligen " });

        Assert.Equal("boligen", matrix.DepartmentFor(TaskType.LeaseContract));
        Assert.Throws<InvalidOperationException>(() => matrix.DepartmentFor(TaskType.KeyHandover));
        Assert.False(matrix.TryGetDepartment(TaskType.KeyHandover, out _));
    }

    [Fact]
    public void Constructor_BlankDepartmentCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ResponsibilityMatrix(new Dictionary<TaskType, string> { [TaskType.TaxCard] = "" }));
    }
}
