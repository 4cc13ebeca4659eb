namespace EcoMonitor.Web.Security.External;

/// <summary>
/// Sign-in through the province's identity platform (统一身份认证) with OpenID Connect, authorization code + PKCE
/// (ADR 0036 §7, docs/security.md "External identity (OIDC)"). Off while <see cref="Authority"/> is empty: then no
/// provider is registered and nothing is fetched from anywhere.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Identity:Oidc";

    /// <summary>The provider's issuer URL (its discovery document is <c>{Authority}/.well-known/openid-configuration</c>); empty: off.</summary>
    public string? Authority { get; set; }

    /// <summary>This platform's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client's secret at the provider (a confidential client); from the environment or a secret store, never appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for, separated by spaces (<c>openid</c> is always asked for).</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The claim of the ID token that names the person at the provider (stored with the issuer on the account).</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>
    /// True (the default): people may also sign in with a local password beside the provider. False: the console's
    /// password sign-in is refused (403 <c>local-passwords-disabled</c>); only the provider and the emergency key remain.
    /// </summary>
    public bool LocalPasswords { get; set; } = true;

    /// <summary>
    /// False (the default): the provider's sign-in is one factor, and an account with an authenticator gives its code on
    /// a second step. True: the provider is trusted to ask for a second factor itself (its MFA counts as ours).
    /// </summary>
    public bool TrustProviderMfa { get; set; }

    /// <summary>Whether the provider's metadata must come over HTTPS (true; false only for a test provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when a provider is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Null when the settings are usable, else the reason (checked at start).</summary>
    public string? Problem()
    {
        if (!IsConfigured)
        {
            return LocalPasswords ? null : "Identity:Oidc:LocalPasswords=false needs Identity:Oidc:Authority: nobody could sign in";
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out Uri? authority) || (authority.Scheme != Uri.UriSchemeHttps && RequireHttpsMetadata))
        {
            return "Identity:Oidc:Authority must be the provider's https URL";
        }

        return string.IsNullOrWhiteSpace(ClientId) ? "Identity:Oidc:ClientId is required with an Authority"
            : string.IsNullOrWhiteSpace(SubjectClaim) ? "Identity:Oidc:SubjectClaim must name a claim"
            : null;
    }
}
