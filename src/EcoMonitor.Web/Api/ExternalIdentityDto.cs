using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Api;

/// <summary>
/// An account's link to a person at the identity provider: the body of <c>PUT /api/v1/accounts/{user}/external-identity</c>
/// (both null: remove the link) and the <c>externalIdentity</c> of an account.
/// </summary>
/// <param name="Issuer">The provider's issuer URL, exactly as its ID tokens say (<c>iss</c>).</param>
/// <param name="Subject">The person's identifier there (the claim <c>Identity:Oidc:SubjectClaim</c>, by default <c>sub</c>).</param>
public sealed record ExternalIdentityDto(string? Issuer, string? Subject)
{
    internal static ExternalIdentityDto Of(ExternalIdentity identity) => new(identity.Issuer, identity.Subject);
}
