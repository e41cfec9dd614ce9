using Indgang.Domain.Reception;

namespace Indgang.Domain.Tasks;

/// <summary>One row of the responsibility matrix: which department owns a task type (TASK-2).</summary>
public sealed class Responsibility
{
    public Responsibility(TaskType taskType, Guid departmentId)
    {
        TaskType = taskType;
        DepartmentId = departmentId;
    }

    public TaskType TaskType { get; private set; }
    public Guid DepartmentId { get; set; }
}
