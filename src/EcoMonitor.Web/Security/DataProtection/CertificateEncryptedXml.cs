using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// XML decryption whose wrapped AES key is unwrapped with one given certificate's RSA private key, when the encrypted
/// key names that certificate (by thumbprint); otherwise it says which certificate it needs. Not thread-safe (one per
/// document).
/// </summary>
internal sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
{
    public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
    {
        ArgumentNullException.ThrowIfNull(encryptedKey);
        List<string> named = [];
        foreach (object info in encryptedKey.KeyInfo)
        {
            if (info is not KeyInfoX509Data data)
            {
                continue;
            }

            foreach (X509Certificate2 wanted in data.Certificates ?? new System.Collections.ArrayList())
            {
                named.Add(wanted.Thumbprint);
                if (string.Equals(wanted.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
                {
                    using RSA key = certificate.GetRSAPrivateKey() ?? throw new CryptographicException("DataProtection:CertificatePath has no RSA private key.");
                    bool isOaep = encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl;
                    return DecryptKey(encryptedKey.CipherData.CipherValue!, key, isOaep);
                }
            }
        }

        throw new CryptographicException(
            $"A data-protection key is encrypted with the certificate {string.Join(", ", named)}; this node's (DataProtection:CertificatePath) is {certificate.Thumbprint}. Every node needs the same certificate.");
    }
}
