namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// ASP.NET Core data protection of the host (section <c>DataProtection</c>): the key ring lives in the platform's
/// store, shared by every node (<see cref="StoreXmlRepository"/>), under one application name, so that a console
/// cookie issued by one node is read by all. Its keys are encrypted at rest with a certificate
/// (<see cref="CertificatePath"/>, a PFX file, and <see cref="CertificatePassword"/>) or, without one, with a key of
/// our own (<see cref="KeyEncryptionKey"/>, AES-256-GCM, <see cref="AesGcmXmlEncryptor"/>). Every node needs the same
/// setting (the same certificate or key) to read the ring. With neither, keys are stored unencrypted, and outside
/// Development a warning is logged at start. Secrets come from the environment or a secrets store, never
/// appsettings.json. docs/deploy.md "Hardening".
/// </summary>
public sealed class DataProtectionSettings
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "DataProtection";

    /// <summary>The application name isolating the platform's protected data (the same on every node).</summary>
    public string ApplicationName { get; set; } = "EcoMonitor";

    /// <summary>A PFX file whose certificate (with its RSA private key) encrypts the keys (ProtectKeysWithCertificate).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX file's password.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Without a certificate: 32 random bytes in base64 (e.g. <c>openssl rand -base64 32</c>) with which the keys are
    /// encrypted (AES-256-GCM).
    /// </summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>True when the keys are encrypted at rest.</summary>
    internal bool EncryptsKeys => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(KeyEncryptionKey);
}
