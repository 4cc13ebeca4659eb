using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// Encrypts a data-protection key's secret element with the certificate of <see cref="DataProtectionSettings.CertificatePath"/>
/// exactly as the framework's <c>ProtectKeysWithCertificate</c> does (XML encryption, the AES key wrapped with the
/// certificate's RSA key), but names <see cref="CertificateKeyDecryptor"/> to decrypt it, which takes the certificate
/// from the settings rather than from a certificate store. Thread-safe.
/// </summary>
internal sealed class CertificateKeyEncryptor(X509Certificate2 certificate, ILoggerFactory loggers) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _encryptor = new(certificate, loggers);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_encryptor.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
}
