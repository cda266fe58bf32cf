using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Web.Modules.Points.Ledger;

/// <summary>The client's Idempotency-Key: required on every points write, scoped to the caller so keys never collide across people.</summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int ClientKeyMax = 80;

    /// <summary>Adds a field error when the key is missing or too long; otherwise returns the scoped key.</summary>
    public static string? Scope(string? clientKey, string operation, Guid actorId, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(clientKey))
        {
            errors.Add(Header, "请求缺少 Idempotency-Key 请求头");
            return null;
        }

        if (clientKey.Length > ClientKeyMax)
        {
            errors.Add(Header, "Idempotency-Key 不能超过 {0} 个字符", ClientKeyMax);
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{operation}:{actorId:N}:{clientKey.Trim()}");
    }

    /// <summary>SHA-256 over the request's meaningful parts, to tell a retry from a reuse of the key.</summary>
    public static string Hash(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
