using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Registry;

/// <summary>
/// A dictionary-backed <see cref="IStationStore"/> for the registry tests until the SQLite store lands on main
/// (then StationRegistry gets an integration test on the real store). <see cref="FailNextWrite"/> simulates a
/// failed durable write.
/// </summary>
internal sealed class InMemoryStationStore : IStationStore
{
    private readonly Dictionary<StationId, Station> _stations = [];
    private readonly Lock _gate = new();

    public bool FailNextWrite { get; set; }

    public Task<Station?> GetAsync(StationId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_stations.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Station>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Station> list = [.. _stations.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    public Task<int> UpsertAsync(IReadOnlyList<Station> stations, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailNextWrite)
            {
                FailNextWrite = false;
                throw new IOException("simulated store failure");
            }

            int added = 0;
            foreach (Station station in stations)
            {
                added += _stations.ContainsKey(station.Id) ? 0 : 1;
                _stations[station.Id] = station;
            }

            return Task.FromResult(added);
        }
    }
}
