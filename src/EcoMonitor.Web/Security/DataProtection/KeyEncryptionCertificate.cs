using System.Security.Cryptography.X509Certificates;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>Loads the certificate of <see cref="DataProtectionSettings.CertificatePath"/> with its private key, kept in memory only.</summary>
internal static class KeyEncryptionCertificate
{
    public static X509Certificate2 Load(DataProtectionSettings settings) =>
        X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath!, settings.CertificatePassword,
            OperatingSystem.IsWindows() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);
}
