using System.Globalization;
using CsvHelper;
using Indgang.Domain;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Platform;

namespace Indgang.Web.Features.Reception;

/// <summary>What is wrong in a row of an imported file (row 1 is the header row), shown in the reader's language.</summary>
public sealed record CsvRowError(int Row, Said Message);

/// <summary>
/// A household read from the file: its members in <see cref="Rows"/>' order (a household's rows need not follow each other),
/// and the cells of its rows whose value could not be read (row and column), which are refused as such.
/// </summary>
public sealed record ParsedHousehold(string Key, IReadOnlyList<int> Rows, ArrivalRequest Request, IReadOnlySet<(int Row, string Column)>? Unreadable = null)
{
    public int FirstRow => Rows[0];

    public bool IsUnreadable(int row, string column) => Unreadable?.Contains((row, column)) == true;

    public bool IsUnreadableAnywhere(string column) => Unreadable?.Any(u => u.Column == column) == true;
}

/// <summary>
/// Reads expected arrivals from a CSV file (one row per person; rows with the same "household" value
/// form one household, the first row being member 1). Semicolon or comma separated, UTF-8, ISO dates.
/// </summary>
public static class ArrivalCsv
{
    public static readonly string[] Columns =
    [
        "household", "first_name", "last_name", "birth_date", "gender", "residence_basis", "relation_to_first",
        "nationality", "languages", "interpreter", "cpr", "visitation_decision_date", "expected_arrival",
    ];

    /// <summary>
    /// An optional column: "ja" when the household will live with the person it joins by family reunification, so the
    /// municipality finds it no home (<see cref="ArrivalRequest.LivesWithReferencePerson"/>); blank or "nej" otherwise.
    /// The household's first row that fills it in decides.
    /// </summary>
    public const string LivesWithResidentColumn = "lives_with_resident";

    /// <summary>
    /// An optional column: how many family members have applied to join the household by family reunification
    /// (<see cref="ArrivalRequest.FamilyToJoin"/>); blank is none. The household's first row that fills it in decides.
    /// </summary>
    public const string FamilyToJoinColumn = "family_to_join";

    /// <summary>An optional column: "ja" when the member needs step-free housing (<see cref="ArrivalMember.NeedsAccessibleHousing"/>); blank or "nej" otherwise.</summary>
    public const string AccessibleHousingColumn = "needs_accessible_housing";

    /// <summary>An optional column: "ja" when the notice says the member has health needs (<see cref="ArrivalMember.HasMedicalFlag"/>); blank or "nej" otherwise.</summary>
    public const string MedicalFlagColumn = "has_medical_flag";

    /// <summary>The columns a file may leave out.</summary>
    public static readonly string[] OptionalColumns = [LivesWithResidentColumn, FamilyToJoinColumn, AccessibleHousingColumn, MedicalFlagColumn];

    public static string Template => string.Join(';', Columns) + "\r\n" +
        "H1;Amal;Hussein;1988-04-02;kvinde;visiteret;;Syrien;arabisk;ja;;2026-09-15;2026-11-01\r\n" +
        "H1;Sami;Hussein;2019-06-10;mand;visiteret;barn;Syrien;arabisk;nej;;2026-09-15;2026-11-01\r\n";

    public static (List<ParsedHousehold> Households, List<CsvRowError> Errors) Parse(TextReader reader)
    {
        var errors = new List<CsvRowError>();
        var rows = new List<(int Row, Dictionary<string, string> Values)>();
        using var csv = new CsvReader(reader, CsvRows.Configuration());
        if (!csv.Read() || !csv.ReadHeader())
        {
            errors.Add(new CsvRowError(1, "Filen er tom eller mangler overskriftsrækken."));
            return ([], errors);
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new CsvRowError(1, new Said("Overskriftsrækken mangler kolonnerne: {0}.", string.Join(", ", missing))));
            return ([], errors);
        }

        // A column the import does not know is refused, not passed over: a need in a column whose name is misspelt
        // (»needs_accesible_housing«) would be lost without a word.
        var unknown = header.Where(h => h.Length > 0 && !Columns.Contains(h) && !OptionalColumns.Contains(h)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new CsvRowError(1, new Said("Overskriftsrækken har kolonner, som importen ikke kender: {0}. Ret navnene, eller fjern kolonnerne.", string.Join(", ", unknown))));
            return ([], errors);
        }

        string[] read = [.. Columns, .. OptionalColumns.Where(header.Contains)];
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            rows.Add((row, read.ToDictionary(c => c, c => csv.GetField(c.ToUpperInvariant()) ?? "", StringComparer.Ordinal)));
        }

        if (rows.Count == 0)
        {
            errors.Add(new CsvRowError(1, "Filen indeholder ingen personer."));
        }

        var households = new List<ParsedHousehold>();
        foreach (var group in rows.GroupBy(r => r.Values["household"], StringComparer.Ordinal))
        {
            var members = new List<ArrivalMember>();
            DateOnly? visitation = null, arrival = null;
            int visitationRow = 0, arrivalRow = 0;
            bool? livesWithResident = null;
            int? familyToJoin = null;
            var unreadable = new HashSet<(int, string)>();
            foreach (var (row, v) in group)
            {
                // A value refused as it is read: its cell is kept, so the registration's checks leave it out (it is not
                // also missing) when they are read with these errors.
                T Read<T>(string column, Func<T> read)
                {
                    var before = errors.Count;
                    var value = read();
                    if (errors.Count > before)
                    {
                        unreadable.Add((row, column));
                    }

                    return value;
                }

                if (string.IsNullOrWhiteSpace(v["household"]))
                {
                    errors.Add(new CsvRowError(row, "Kolonnen »household« skal udfyldes (samme værdi for alle i husstanden)."));
                }

                members.Add(new ArrivalMember(
                    v["first_name"],
                    v["last_name"],
                    Read("birth_date", () => Date(v["birth_date"], row, "birth_date", errors)),
                    Read("gender", () => GenderOf(v["gender"], row, errors)),
                    Read("residence_basis", () => BasisOf(v["residence_basis"], row, errors)),
                    v["nationality"],
                    v["languages"],
                    Read("interpreter", () => YesNo(v["interpreter"], row, errors)),
                    Read("relation_to_first", () => RelationOf(v["relation_to_first"], row, errors)),
                    Read(AccessibleHousingColumn, () => Flag(v, AccessibleHousingColumn, row, errors)),
                    Read(MedicalFlagColumn, () => Flag(v, MedicalFlagColumn, row, errors)),
                    Cpr: v["cpr"]));
                visitation = Read("visitation_decision_date", () => HouseholdDate(visitation, ref visitationRow, v, row, "visitation_decision_date", errors));
                arrival = Read("expected_arrival", () => HouseholdDate(arrival, ref arrivalRow, v, row, "expected_arrival", errors));
                if (v.TryGetValue(LivesWithResidentColumn, out var lives) && !string.IsNullOrWhiteSpace(lives))
                {
                    livesWithResident ??= Read(LivesWithResidentColumn, () => YesNo(lives, row, errors));
                }

                if (v.TryGetValue(FamilyToJoinColumn, out var family) && !string.IsNullOrWhiteSpace(family))
                {
                    familyToJoin ??= Read(FamilyToJoinColumn, () => WholeNumber(family, row, FamilyToJoinColumn, errors));
                }
            }

            households.Add(new ParsedHousehold(group.Key, [.. group.Select(r => r.Row)],
                new ArrivalRequest(null, visitation, arrival, members, LivesWithReferencePerson: livesWithResident ?? false, FamilyToJoin: familyToJoin ?? 0),
                unreadable));
        }

        return (households, errors);
    }

    /// <summary>
    /// A date that holds for the whole household (the visitation decision, the expected arrival): the first row that gives
    /// it decides, a later row may leave it empty, and a later row giving another date is refused on its row (it was
    /// ignored: a spouse's row from another decision gave everyone the first row's day 0 without a word).
    /// </summary>
    private static DateOnly? HouseholdDate(DateOnly? household, ref int householdRow, Dictionary<string, string> values, int row, string column, List<CsvRowError> errors)
    {
        if (Date(values[column], row, column, errors) is not { } typed)
        {
            return household;
        }

        if (household is not { } first)
        {
            householdRow = row;
            return typed;
        }

        if (typed != first)
        {
            errors.Add(new CsvRowError(row, new Said("Kolonnen {0} skal have samme dato for hele husstanden: række {1} har {2:yyyy-MM-dd}, denne række {3:yyyy-MM-dd}.", column, householdRow, first, typed)));
        }

        return first;
    }

    /// <summary>
    /// The errors the registration's checks find in the file's households, each on its row: read when some row has a value
    /// that could not be read (so nothing is registered), so that every error of every row is listed in one round (the
    /// others were listed only when the file was sent again). A check of a value that could not be read, or that hangs on
    /// one, is left out: the value is refused on its row as unreadable, not also as missing.
    /// </summary>
    public static List<CsvRowError> Check(IEnumerable<ParsedHousehold> households, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(households);
        var errors = new List<CsvRowError>();
        foreach (var household in households)
        {
            // As the registration checks it: without its blank members.
            var request = household.Request with { Members = household.Request.MembersGiven };
            foreach (var (key, messages) in ArrivalValidator.Validate(request, today))
            {
                var row = RowOf(household, key);
                if (!HangsOnUnreadable(household, request, key, row))
                {
                    errors.AddRange(messages.Select(m => new CsvRowError(row, m)));
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Whether the validator's error at <paramref name="key"/> is about a value that could not be read (its row's cell), or
    /// one that stands in for it: a date not read is missing, a residence basis not read is taken as »visiteret«.
    /// </summary>
    private static bool HangsOnUnreadable(ParsedHousehold household, ArrivalRequest request, string key, int row)
    {
        var field = key[(key.LastIndexOf('.') + 1)..];
        return field switch
        {
            nameof(ArrivalMember.BirthDate) => household.IsUnreadable(row, "birth_date"),
            nameof(ArrivalMember.Basis) => household.IsUnreadable(row, "residence_basis") || household.IsUnreadable(row, "birth_date"),
            nameof(ArrivalMember.Gender) => household.IsUnreadable(row, "gender"),
            nameof(ArrivalMember.RelationToFirst) => household.IsUnreadable(row, "relation_to_first"),
            nameof(ArrivalRequest.ExpectedArrival) => request.ExpectedArrival is null && household.IsUnreadableAnywhere("expected_arrival"),
            nameof(ArrivalRequest.VisitationDecisionDate) => request.VisitationDecisionDate is null
                && (household.IsUnreadableAnywhere("visitation_decision_date") || household.IsUnreadableAnywhere("residence_basis")),
            nameof(ArrivalRequest.LivesWithReferencePerson) => household.IsUnreadableAnywhere("residence_basis") || household.IsUnreadableAnywhere(LivesWithResidentColumn),
            nameof(ArrivalRequest.FamilyToJoin) => household.IsUnreadableAnywhere(FamilyToJoinColumn),
            _ => false,
        };
    }

    /// <summary>The registration's errors of a household, each at the row of the member it is about (<see cref="RowOf"/>).</summary>
    public static IEnumerable<CsvRowError> RowErrors(ParsedHousehold household, ArrivalErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.SelectMany(e => e.Value.Select(m => new CsvRowError(RowOf(household, e.Key), m)));
    }

    /// <summary>
    /// Maps the validator's field errors ("Members[1].BirthDate") to the CSV row they came from. The validator counts the
    /// members left when the blank ones are left out (as the registration does), wherever in the file their rows are.
    /// </summary>
    public static int RowOf(ParsedHousehold household, string key)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (key.StartsWith("Members[", StringComparison.Ordinal) && int.TryParse(key[8..key.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var index))
        {
            var rows = household.Rows.Where((_, i) => !ArrivalValidator.IsBlank(household.Request.Members[i])).ToList();
            return index < rows.Count ? rows[index] : household.FirstRow;
        }

        return household.FirstRow;
    }

    private static int? WholeNumber(string value, int row, string column, List<CsvRowError> errors)
    {
        if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new CsvRowError(row, new Said("»{0}« i kolonnen {1} er ikke et helt tal.", value, column)));
        return null;
    }

    private static DateOnly? Date(string value, int row, string column, List<CsvRowError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(value, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        errors.Add(new CsvRowError(row, new Said("»{0}« i kolonnen {1} er ikke en dato (brug ÅÅÅÅ-MM-DD).", value, column)));
        return null;
    }

    private static Gender GenderOf(string value, int row, List<CsvRowError> errors) => value.Trim().ToLowerInvariant() switch
    {
        "kvinde" or "k" or "f" or "female" => Gender.Female,
        "mand" or "m" or "male" => Gender.Male,
        "" or "ukendt" or "unknown" => Gender.Unknown,
        _ => Invalid(Gender.Unknown, row, new Said("»{0}« er ikke et køn (kvinde, mand eller ukendt).", value), errors),
    };

    private static ResidenceBasis BasisOf(string value, int row, List<CsvRowError> errors) => value.Trim().ToLowerInvariant() switch
    {
        "visiteret" or "flygtning" or "visitedrefugee" => ResidenceBasis.VisitedRefugee,
        "kvote" or "kvoteflygtning" or "quotarefugee" => ResidenceBasis.QuotaRefugee,
        "familiesammenført" or "familiesammenfoert" or "familyreunified" => ResidenceBasis.FamilyReunified,
        "uledsaget" or "unaccompaniedminor" => ResidenceBasis.UnaccompaniedMinor,
        _ => Invalid(ResidenceBasis.VisitedRefugee, row, new Said("»{0}« er ikke et opholdsgrundlag (visiteret, kvote, familiesammenført eller uledsaget).", value), errors),
    };

    private static RelationKind? RelationOf(string value, int row, List<CsvRowError> errors) => value.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "ægtefælle" or "aegtefaelle" or "spouse" => RelationKind.Spouse,
        "barn" or "child" => RelationKind.Child,
        "forælder" or "foraelder" or "parent" => RelationKind.Parent,
        "søskende" or "soeskende" or "sibling" => RelationKind.Sibling,
        "værge" or "vaerge" or "custodian" => RelationKind.Custodian,
        _ => Invalid<RelationKind?>(null, row, new Said("»{0}« er ikke en relation (ægtefælle, barn, forælder, søskende eller værge).", value), errors),
    };

    /// <summary>An optional yes/no column of a member: blank or left out is no.</summary>
    private static bool Flag(Dictionary<string, string> values, string column, int row, List<CsvRowError> errors) =>
        values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) && YesNo(value, row, errors);

    private static bool YesNo(string value, int row, List<CsvRowError> errors) =>
        CsvRows.YesNo(value) ?? Invalid(false, row, new Said("»{0}« skal være ja eller nej.", value), errors);

    private static T Invalid<T>(T fallback, int row, Said message, List<CsvRowError> errors) => CsvRows.Invalid(fallback, row, message, errors);
}
