using System.Diagnostics.Metrics;

namespace EcoMonitor.Web.Security;

/// <summary>Console sign-ins by result (<c>ecomonitor.console.logins</c>, tag <c>result</c> = succeeded / refused). Thread-safe.</summary>
internal sealed class ConsoleLoginCounters
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "EcoMonitor.Web.Console";

    private readonly Counter<long> _logins;
    private long _refused;

    public ConsoleLoginCounters(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _logins = meter.CreateCounter<long>("ecomonitor.console.logins", description: "Console sign-ins by result.");
    }

    /// <summary>Refused sign-ins since start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public void Succeeded() => _logins.Add(1, new KeyValuePair<string, object?>("result", "succeeded"));

    public void Refuse()
    {
        Interlocked.Increment(ref _refused);
        _logins.Add(1, new KeyValuePair<string, object?>("result", "refused"));
    }
}
