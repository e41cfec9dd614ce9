using System.Security.Cryptography;

namespace Indgang.Domain.Audit;

/// <summary>
/// The secret the audit chain's hashes are keyed with (HMAC-SHA256). It is kept outside the database, so that someone who
/// can write the database but does not have the key cannot recompute the hashes of rows they change, add or delete.
/// </summary>
public sealed class AuditChainKey
{
    /// <summary>The fewest bytes a key may have: as many as the hash has.</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _bytes;

    private AuditChainKey(byte[] bytes) => _bytes = bytes;

    /// <summary>A key read from configuration: base64 of at least <see cref="MinimumLength"/> bytes; anything else is refused.</summary>
    public static AuditChainKey FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new FormatException("The audit chain key is not base64.", e);
        }

        return bytes.Length < MinimumLength
            ? throw new FormatException($"The audit chain key has {bytes.Length} bytes; it must have at least {MinimumLength}.")
            : new AuditChainKey(bytes);
    }

    /// <summary>A new random key of <see cref="MinimumLength"/> bytes.</summary>
    public static AuditChainKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumLength));

    public string ToBase64() => Convert.ToBase64String(_bytes);

    internal byte[] Sign(byte[] data) => HMACSHA256.HashData(_bytes, data);
}
