using System.Diagnostics.Metrics;
using EcoMonitor.Application.Storage;

namespace EcoMonitor.Application.Work;

/// <summary>
/// Instruments of the background work on the meter <c>EcoMonitor.Work</c>: <c>ecomonitor.work.failures</c> (failed
/// attempts, tags <c>kind</c> and <c>cause</c>: <c>item</c> for an error of the work's own, <c>store</c> for the store
/// failing), <c>ecomonitor.work.set_aside</c> (station-days set aside, tag <c>kind</c>) and
/// <c>ecomonitor.work.recovered</c> (station-days taken up from the store at start or by a sweep, tag <c>kind</c>). Thread-safe.
/// </summary>
public sealed class WorkCounters : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "EcoMonitor.Work";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _setAside;
    private readonly Counter<long> _recovered;

    /// <summary>Creates the instruments; from <paramref name="meterFactory"/> when the host has one.</summary>
    public WorkCounters(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _failures = _meter.CreateCounter<long>("ecomonitor.work.failures", "{attempt}", "Failed attempts at background work, by kind and cause (item, store).");
        _setAside = _meter.CreateCounter<long>("ecomonitor.work.set_aside", "{station-day}", "Station-days set aside after repeated failures of their own, by kind.");
        _recovered = _meter.CreateCounter<long>("ecomonitor.work.recovered", "{station-day}", "Station-days taken up from the store at start or by a sweep, by kind.");
    }

    /// <summary>Counts a failed attempt; <paramref name="isStoreFailure"/>: the store failed, not the work.</summary>
    public void RecordFailure(WorkKind kind, bool isStoreFailure) =>
        _failures.Add(1, new KeyValuePair<string, object?>("kind", StoreCodes.ToCode(kind)), new KeyValuePair<string, object?>("cause", isStoreFailure ? "store" : "item"));

    /// <summary>Counts a station-day set aside.</summary>
    public void RecordSetAside(WorkKind kind) => _setAside.Add(1, new KeyValuePair<string, object?>("kind", StoreCodes.ToCode(kind)));

    /// <summary>Counts station-days taken up from the store.</summary>
    public void RecordRecovered(WorkKind kind, int days) => _recovered.Add(days, new KeyValuePair<string, object?>("kind", StoreCodes.ToCode(kind)));

    /// <summary>Disposes the meter when it was not created by a host's meter factory.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
