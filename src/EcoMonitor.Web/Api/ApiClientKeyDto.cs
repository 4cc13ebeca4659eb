namespace EcoMonitor.Web.Api;

/// <summary>A new API client with its key: shown this once, stored nowhere (only the SHA-256 of its secret is kept).</summary>
/// <param name="Client">The client.</param>
/// <param name="Key">The key, <c>ecm_&lt;id&gt;_&lt;secret&gt;</c>, to send as <c>Authorization: Bearer &lt;key&gt;</c>.</param>
public sealed record ApiClientKeyDto(ApiClientDto Client, string Key);
