namespace Indgang.Domain.Audit;

/// <summary>
/// How an audit entry's hash was made. Rows written before the chain was keyed keep their plain hash (rewriting them
/// would launder any change made to them); every row after them is keyed, and a plain row after a keyed one is a break.
/// </summary>
public enum AuditChainScheme
{
    /// <summary>Plain SHA-256: anyone who can write the database can recompute it. Only rows written before the key.</summary>
    Sha256 = 1,

    /// <summary>HMAC-SHA256 with the <see cref="AuditChainKey"/>.</summary>
    HmacSha256 = 2,
}
