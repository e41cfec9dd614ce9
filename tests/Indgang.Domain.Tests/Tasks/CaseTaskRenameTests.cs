using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;

namespace Indgang.Domain.Tests.Tasks;

/// <summary>An open task named anew when what it names was typed wrong; a closed task keeps the name it was done under.</summary>
public sealed class CaseTaskRenameTests
{
    [Fact]
    public void AnOpenTask_IsNamedAnew_AsANewVersion_TheSameNameIsNoChange()
    {
        var task = new CaseTask(Guid.NewGuid(), null, TaskType.PermanentHomeGuidance, Guid.NewGuid(), "Vejledning – Engholm Alle 13", new DateOnly(2026, 12, 14));
        var first = task.Version;

        task.Rename("  Vejledning – Engholm Allé 13 ");
        Assert.Equal("Vejledning – Engholm Allé 13", task.Title);
        Assert.NotEqual(first, task.Version);

        var second = task.Version;
        task.Rename("Vejledning – Engholm Allé 13");
        Assert.Equal(second, task.Version);
        Assert.Throws<ArgumentException>(() => task.Rename(" "));
    }

    [Fact]
    public void AClosedTask_KeepsItsName()
    {
        var task = new CaseTask(Guid.NewGuid(), null, TaskType.PermanentHomeGuidance, Guid.NewGuid(), "Vejledning – Engholm Alle 13", new DateOnly(2026, 12, 14));
        task.Complete("sekretariat", DateTimeOffset.UnixEpoch);

        Assert.Throws<InvalidOperationException>(() => task.Rename("Vejledning – Engholm Allé 13"));
        Assert.Equal("Vejledning – Engholm Alle 13", task.Title);
    }
}
