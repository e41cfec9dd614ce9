namespace Indgang.Domain.Tasks;

public enum CaseTaskStatus
{
    Open = 1,
    Taken = 2,
    Done = 3,
    NotNeeded = 4,
}
