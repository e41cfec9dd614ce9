namespace Indgang.Domain.Calendar;

public enum HolidayAnchor
{
    FixedDate = 1,
    Easter = 2,
}
