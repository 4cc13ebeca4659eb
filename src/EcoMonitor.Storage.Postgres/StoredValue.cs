using EcoMonitor.Domain;

namespace EcoMonitor.Storage.Postgres;

/// <summary>An observation as stored, with the number of its current revision (1 for a value never revised).</summary>
internal readonly record struct StoredValue(Observation Observation, int Revision);
