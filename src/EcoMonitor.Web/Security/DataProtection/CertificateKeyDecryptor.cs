using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// Decrypts what <see cref="CertificateKeyEncryptor"/> wrote with this node's certificate
/// (<see cref="DataProtectionSettings.CertificatePath"/>, loaded from the file with its password; no certificate store).
/// Created by the data-protection key manager from the type name stored with each key, through its public constructor
/// taking the service provider. Thread-safe.
/// </summary>
internal sealed class CertificateKeyDecryptor : IXmlDecryptor
{
    private readonly DataProtectionSettings _settings;

    public CertificateKeyDecryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _settings = services.GetRequiredService<IOptions<DataProtectionSettings>>().Value;
    }

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        if (string.IsNullOrWhiteSpace(_settings.CertificatePath))
        {
            throw new System.Security.Cryptography.CryptographicException("A data-protection key is encrypted with a certificate, and this node has no DataProtection:CertificatePath.");
        }

        using X509Certificate2 certificate = KeyEncryptionCertificate.Load(_settings);
        var document = new XmlDocument { PreserveWhitespace = true };
        using (XmlReader reader = encryptedElement.CreateReader())
        {
            document.Load(reader);
        }

        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        using var nodes = new XmlNodeReader(document.DocumentElement!);
        return XElement.Load(nodes);
    }
}
