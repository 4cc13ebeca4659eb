namespace EcoMonitor.Web.Errors;

/// <summary>Endpoint metadata: the endpoint may answer a problem of <paramref name="Type"/> (read by the OpenAPI document's error responses).</summary>
internal sealed record ProblemTypeMetadata(ProblemType Type);
