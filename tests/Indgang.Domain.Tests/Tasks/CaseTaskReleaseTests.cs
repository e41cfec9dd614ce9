using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;

namespace Indgang.Domain.Tests.Tasks;

/// <summary>A taken task put back (»Læg tilbage«) is open and free again; only a taken task can be put back.</summary>
public sealed class CaseTaskReleaseTests
{
    [Fact]
    public void ATakenTask_PutBack_IsOpenWithNoAssignee_AsANewVersion()
    {
        var task = LeaseTask();
        task.Take("sekretariat");
        var taken = task.Version;

        task.Release();

        Assert.Equal((CaseTaskStatus.Open, null), (task.Status, task.AssigneeUserId));
        Assert.NotEqual(taken, task.Version);
        task.Take("kollega");
        Assert.Equal("kollega", task.AssigneeUserId);
    }

    [Fact]
    public void AnOpenOrClosedTask_CannotBePutBack()
    {
        var task = LeaseTask();
        Assert.Throws<InvalidOperationException>(task.Release);

        task.Take("sekretariat");
        task.Complete("sekretariat", DateTimeOffset.UnixEpoch);
        Assert.Throws<InvalidOperationException>(task.Release);
        Assert.Equal((CaseTaskStatus.Done, "sekretariat"), (task.Status, task.AssigneeUserId));
    }

    private static CaseTask LeaseTask() =>
        new(Guid.NewGuid(), null, TaskType.LeaseContract, Guid.NewGuid(), "Lejekontrakt", new DateOnly(2026, 12, 14));
}
