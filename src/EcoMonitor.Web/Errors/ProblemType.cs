namespace EcoMonitor.Web.Errors;

/// <summary>
/// One kind of error the HTTP API answers with: an RFC 9457 problem whose <c>type</c> is <see cref="Uri"/>, whose
/// <c>title</c> is always <see cref="Title"/> (Chinese / English) and whose status is <see cref="Status"/>. The kinds
/// are listed in <see cref="ProblemTypes"/> and docs/api-errors.md; a kind's name never changes once published.
/// </summary>
/// <param name="Name">The last part of the type URI, kebab-case (<c>unknown-station</c>).</param>
/// <param name="Status">The HTTP status code answered with this kind.</param>
/// <param name="Title">The fixed short summary, <c>中文 / English</c>.</param>
/// <param name="When">When it is answered, for the OpenAPI document and the docs.</param>
/// <param name="DefaultDetail">The <c>detail</c> given when whoever answered gave none (the framework's own answers).</param>
internal sealed record ProblemType(string Name, int Status, string Title, string When, string? DefaultDetail = null)
{
    /// <summary>The prefix of every type URI of ours: a name, not a link (RFC 9457 §3.1.1 allows non-resolvable URIs).</summary>
    public const string UriPrefix = "urn:ecomonitor:problem:";

    /// <summary>The problem's <c>type</c> member.</summary>
    public string Uri => UriPrefix + Name;
}
