using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Web.Hosting;

/// <summary>Metrics and traces through OpenTelemetry (section <c>Telemetry</c>; docs/deploy.md, "Metrics and traces").</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The path of the Prometheus scrape endpoint; empty turns it off.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>The networks scraping is allowed from when <see cref="ScrapeNetworks"/> names none: this machine only.</summary>
    public static readonly IReadOnlyList<string> DefaultScrapeNetworks = ["127.0.0.0/8", "::1/128"];

    /// <summary>
    /// The networks (CIDR) allowed to scrape <see cref="PrometheusPath"/>; any other client gets 404, as if there were no
    /// such path. None configured: <see cref="DefaultScrapeNetworks"/>. (Empty by default because configuration binding
    /// adds to an array's defaults instead of replacing them.)
    /// </summary>
    public string[] ScrapeNetworks { get; set; } = [];

    /// <summary>An OTLP collector (e.g. <c>http://127.0.0.1:4317</c>) to send metrics and traces to; empty: none (and no traces are made).</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    [RegularExpression("^(grpc|http/protobuf)$")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>How often metrics are sent to the OTLP collector.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan OtlpMetricInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The share of traces kept (0–1), decided at the root span.</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;
}
