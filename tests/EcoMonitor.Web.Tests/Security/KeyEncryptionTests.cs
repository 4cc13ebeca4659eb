using System.Security.Cryptography;
using System.Xml.Linq;
using EcoMonitor.Web.Security.DataProtection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>The data-protection keys' encryption with a configured key (<see cref="AesGcmXmlEncryptor"/>, <see cref="AesGcmXmlDecryptor"/>).</summary>
[Trait("Area", "Security")]
public sealed class KeyEncryptionTests
{
    private static readonly XElement Secret = XElement.Parse("""<masterKey xmlns:p4="http://schemas.asp.net/2015/03/dataProtection" p4:requiresEncryption="true"><value>c2VjcmV0LWtleS1tYXRlcmlhbA==</value></masterKey>""");

    [Fact]
    public void Encrypt_ThenDecrypt_GivesTheElementBack_TheStoredFormHoldsNoneOfIt()
    {
        string key = NewKey();
        EncryptedXmlInfo encrypted = Encryptor(key).Encrypt(Secret);
        EncryptedXmlInfo again = Encryptor(key).Encrypt(Secret);

        Assert.Equal(typeof(AesGcmXmlDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(encrypted.EncryptedElement.Element("value")!.Value, again.EncryptedElement.Element("value")!.Value);
        Assert.Equal(Secret.ToString(), Decryptor(key).Decrypt(encrypted.EncryptedElement).ToString());
    }

    [Fact]
    public void Decrypt_WithAnotherKey_FailsSayingWhichKeyIsNeeded()
    {
        EncryptedXmlInfo encrypted = Encryptor(NewKey()).Encrypt(Secret);
        string kek = encrypted.EncryptedElement.Element("kek")!.Value;

        CryptographicException failure = Assert.Throws<CryptographicException>(() => Decryptor(NewKey()).Decrypt(encrypted.EncryptedElement));

        Assert.Contains(kek, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Every node needs the same key", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_OfAnAlteredCiphertext_Fails()
    {
        string key = NewKey();
        XElement encrypted = Encryptor(key).Encrypt(Secret).EncryptedElement;
        byte[] value = Convert.FromBase64String(encrypted.Element("value")!.Value);
        value[^1] ^= 1;
        encrypted.Element("value")!.Value = Convert.ToBase64String(value);

        Assert.ThrowsAny<CryptographicException>(() => Decryptor(key).Decrypt(encrypted));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void KeyEncryptionKey_NotThirtyTwoBytesOfBase64_IsRefused(string text) => Assert.False(KeyEncryptionKey.TryParse(text, out _));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static AesGcmXmlEncryptor Encryptor(string key) =>
        new(KeyEncryptionKey.TryParse(key, out KeyEncryptionKey? parsed) ? parsed : throw new ArgumentException("bad key", nameof(key)));

    private static AesGcmXmlDecryptor Decryptor(string key)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new DataProtectionSettings { KeyEncryptionKey = key }));
        return new AesGcmXmlDecryptor(services.BuildServiceProvider());
    }

}
