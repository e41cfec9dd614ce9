namespace Indgang.Web.Features.Api;

/// <summary>A field's name in a problem-details error as the JSON the client sent has it: "Members[1].BirthDate" → "members[1].birthDate".</summary>
internal static class JsonFieldName
{
    public static string Of(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
