using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// Fails start-up with a readable message when the data-protection settings cannot work: both a certificate and a key,
/// a key that is not 32 bytes of base64, or a certificate file that does not load with its password or has no RSA
/// private key.
/// </summary>
internal sealed class DataProtectionSettingsValidator : IValidateOptions<DataProtectionSettings>
{
    public ValidateOptionsResult Validate(string? name, DataProtectionSettings options)
    {
        if (string.IsNullOrWhiteSpace(options.ApplicationName))
        {
            return ValidateOptionsResult.Fail("DataProtection:ApplicationName must not be empty.");
        }

        bool hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        bool hasKey = !string.IsNullOrWhiteSpace(options.KeyEncryptionKey);
        if (hasCertificate && hasKey)
        {
            return ValidateOptionsResult.Fail("Set DataProtection:CertificatePath or DataProtection:KeyEncryptionKey, not both.");
        }

        if (hasKey && !KeyEncryptionKey.TryParse(options.KeyEncryptionKey!, out _))
        {
            return ValidateOptionsResult.Fail("DataProtection:KeyEncryptionKey must be 32 bytes in base64 (e.g. openssl rand -base64 32).");
        }

        if (hasCertificate)
        {
            try
            {
                using var certificate = KeyEncryptionCertificate.Load(options);
                using RSA? key = certificate.GetRSAPrivateKey();
                if (key is null)
                {
                    return ValidateOptionsResult.Fail($"DataProtection:CertificatePath {options.CertificatePath}: the certificate has no RSA private key.");
                }
            }
            catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
            {
                return ValidateOptionsResult.Fail($"DataProtection:CertificatePath {options.CertificatePath} does not load with DataProtection:CertificatePassword: {exception.Message}");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
