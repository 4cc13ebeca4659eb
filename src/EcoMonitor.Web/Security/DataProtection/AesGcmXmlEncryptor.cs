using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// Encrypts a data-protection key's secret element with AES-256-GCM under <see cref="DataProtectionSettings.KeyEncryptionKey"/>
/// (a fresh 96-bit nonce per key, a 128-bit tag, the purpose string as associated data), as
/// <c>&lt;encryptedKey&gt;&lt;kek&gt;id&lt;/kek&gt;&lt;value&gt;base64(nonce | tag | ciphertext)&lt;/value&gt;&lt;/encryptedKey&gt;</c>;
/// <see cref="AesGcmXmlDecryptor"/> reverses it. Thread-safe.
/// </summary>
internal sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    /// <summary>Associated data binding the ciphertext to this use.</summary>
    internal static readonly byte[] Purpose = Encoding.ASCII.GetBytes("EcoMonitor.DataProtection.KeyEncryption.v1");

    internal const int NonceBytes = 12;
    internal const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        byte[] plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        byte[] sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        Span<byte> nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Purpose);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement("encryptedKey",
            new XComment(" This key is encrypted with AES-256-GCM under DataProtection:KeyEncryptionKey (EcoMonitor). "),
            new XElement("kek", key.Id),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}
