using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// The key of <see cref="DataProtectionSettings.KeyEncryptionKey"/>: 32 bytes, and a short public id of it (the first
/// four bytes of a SHA-256 of it, in hex) written beside each encrypted key, so that a node configured with another
/// key says so instead of failing obscurely. Immutable.
/// </summary>
internal sealed class KeyEncryptionKey
{
    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes("EcoMonitor.KeyEncryptionKey.Id"), .. key])[..4]);
    }

    /// <summary>The 32 key bytes.</summary>
    public byte[] Key { get; }

    /// <summary>Eight hex digits naming the key (not secret: it reveals nothing of the key).</summary>
    public string Id { get; }

    public static bool TryParse(string base64, [NotNullWhen(true)] out KeyEncryptionKey? key)
    {
        key = null;
        byte[] bytes = new byte[64];
        if (!Convert.TryFromBase64String(base64.Trim(), bytes, out int length) || length != 32)
        {
            return false;
        }

        key = new KeyEncryptionKey(bytes[..32]);
        return true;
    }
}
