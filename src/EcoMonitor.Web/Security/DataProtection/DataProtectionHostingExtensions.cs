using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>Data protection with the key ring in the store, one application name and keys encrypted at rest (<see cref="DataProtectionSettings"/>).</summary>
internal static class DataProtectionHostingExtensions
{
    public static IHostApplicationBuilder AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<DataProtectionSettings>().BindConfiguration(DataProtectionSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionSettings>, DataProtectionSettingsValidator>();
        services.AddSingleton<StoreXmlRepository>();
        // Before AddDataProtection, so that it starts before the framework's own key ring loader.
        services.AddHostedService<KeyRingInitializer>();
        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>().Configure<IOptions<DataProtectionSettings>>((protection, settings) =>
            protection.ApplicationDiscriminator = settings.Value.ApplicationName);
        // After the framework's own setup (which points at a per-machine folder and, on Windows, per-machine DPAPI):
        // the store for every node, and an encryptor every node can reverse, or none.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DataProtectionSettings>, StoreXmlRepository, ILoggerFactory>((keys, settings, repository, loggers) =>
        {
            DataProtectionSettings s = settings.Value;
            keys.XmlRepository = repository;
            keys.XmlEncryptor = !string.IsNullOrWhiteSpace(s.CertificatePath)
                ? new CertificateKeyEncryptor(KeyEncryptionCertificate.Load(s), loggers)
                : !string.IsNullOrWhiteSpace(s.KeyEncryptionKey) && KeyEncryptionKey.TryParse(s.KeyEncryptionKey, out KeyEncryptionKey? key)
                    ? new AesGcmXmlEncryptor(key)
                    : null;
        });
        return builder;
    }
}
