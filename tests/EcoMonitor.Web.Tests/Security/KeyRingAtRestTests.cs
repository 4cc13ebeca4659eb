using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EcoMonitor.Application.Access;
using EcoMonitor.Web.Hosting;
using EcoMonitor.Web.Security.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The data-protection key ring as stored: encrypted with the configured certificate or key, and readable by a second
/// host on the same store with the same setting (two hosts in one process, each with its own key ring cache).
/// </summary>
[Trait("Area", "Security")]
public sealed class KeyRingAtRestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-keyring-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task WithACertificate_KeysAreStoredEncryptedWithIt_AndASecondHostReadsTheCookie()
    {
        string pfx = Path.Combine(_directory, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=EcoMonitor data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"), Ct);
        }

        var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "pfx-password" };
        string xml = await SignInOnOneHostAndReadOnAnotherAsync(settings);

        Assert.Contains("CertificateKeyDecryptor", xml, StringComparison.Ordinal);
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAKey_KeysAreStoredEncryptedWithIt_AndASecondHostReadsTheCookie()
    {
        var settings = new Dictionary<string, string?> { ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        string xml = await SignInOnOneHostAndReadOnAnotherAsync(settings);

        Assert.Contains("AesGcmXmlDecryptor", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void BothACertificateAndAKey_OrAWrongCertificatePassword_FailTheStart()
    {
        string pfx = Path.Combine(_directory, "other.pfx");
        using (var rsa = RSA.Create(2048))
        {
            using X509Certificate2 certificate = new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "right"));
        }

        Assert.Contains("not both", StartFailure(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "right", ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(new byte[32]),
        }), StringComparison.Ordinal);
        Assert.Contains("does not load", StartFailure(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "wrong" }), StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts a host with the platform's store and data-protection registrations on this thread and returns why the start
    /// failed. (Through WebApplicationFactory a failed start races with the disposal of the app's own thread, which on a
    /// loaded machine can surface as an ObjectDisposedException instead of the reason.)
    /// </summary>
    private string StartFailure(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        settings["Storage:Sqlite:Path"] = Path.Combine(_directory, "start.db");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddSharedDataProtection();
        using IHost host = builder.Build();
        return Assert.ThrowsAny<OptionsValidationException>(() => host.Start()).Message;
    }

    /// <summary>Signs in on one host, reads the console with that cookie on a second host of the same store; returns the stored key ring XML.</summary>
    private async Task<string> SignInOnOneHostAndReadOnAnotherAsync(Dictionary<string, string?> settings)
    {
        string database = Path.Combine(_directory, "shared.db");
        settings["Storage:Sqlite:Path"] = database;
        using var first = ApiFactory.With(settings);
        _ = first.Client;
        await TestPeople.CreateAsync(first.Services, "key.ring", [Role.NetworkOperator]);
        string cookie = await TestPeople.SignInAsync(first.Client.BaseAddress!, "key.ring");

        using var second = ApiFactory.With(settings);
        Assert.Equal(HttpStatusCode.OK, await ConsoleCookie.SendAsync(second.Client.BaseAddress!, HttpMethod.Get, "/api/v1/console/me", cookie));

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(xml, '') FROM data_protection_key;";
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
