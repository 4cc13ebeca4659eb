namespace EcoMonitor.Web.Security;

/// <summary>Whether the first-run set-up is needed, and how people sign in (for the console's sign-in page).</summary>
/// <param name="Required">True while no enabled system administrator exists.</param>
/// <param name="ExternalSignIn">True when an identity provider is configured (the page shows 统一身份认证登录).</param>
/// <param name="LocalPasswords">True when people may sign in with their password (false: through the provider only).</param>
public sealed record SetUpStatusDto(bool Required, bool ExternalSignIn, bool LocalPasswords);
