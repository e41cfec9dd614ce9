namespace Indgang.Domain.People;

public enum CprParseError
{
    None = 0,
    Empty,
    WrongLength,
    NotDigits,
    InvalidDate,
}
