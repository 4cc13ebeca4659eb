using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote, with this node's <see cref="DataProtectionSettings.KeyEncryptionKey"/>.
/// Created by the data-protection key manager from the type name stored with each key, through its public
/// constructor taking the service provider. Thread-safe.
/// </summary>
internal sealed class AesGcmXmlDecryptor : IXmlDecryptor
{
    private readonly DataProtectionSettings _settings;

    public AesGcmXmlDecryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _settings = services.GetRequiredService<IOptions<DataProtectionSettings>>().Value;
    }

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        string id = (string?)encryptedElement.Element("kek") ?? "";
        if (string.IsNullOrWhiteSpace(_settings.KeyEncryptionKey) || !KeyEncryptionKey.TryParse(_settings.KeyEncryptionKey, out KeyEncryptionKey? key))
        {
            throw new CryptographicException($"A data-protection key is encrypted with DataProtection:KeyEncryptionKey {id}, and this node has no such setting.");
        }

        if (!string.Equals(id, key.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException($"A data-protection key is encrypted with DataProtection:KeyEncryptionKey {id}; this node's is {key.Id}. Every node needs the same key.");
        }

        byte[] sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (sealedBytes.Length < AesGcmXmlEncryptor.NonceBytes + AesGcmXmlEncryptor.TagBytes)
        {
            throw new CryptographicException("An encrypted data-protection key is truncated.");
        }

        byte[] plaintext = new byte[sealedBytes.Length - AesGcmXmlEncryptor.NonceBytes - AesGcmXmlEncryptor.TagBytes];
        try
        {
            using (var aes = new AesGcm(key.Key, AesGcmXmlEncryptor.TagBytes))
            {
                aes.Decrypt(sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceBytes), sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceBytes + AesGcmXmlEncryptor.TagBytes),
                    sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceBytes, AesGcmXmlEncryptor.TagBytes), plaintext, AesGcmXmlEncryptor.Purpose);
            }

            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
