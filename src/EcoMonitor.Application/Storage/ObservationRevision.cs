using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>One revision of an observation: 1 for the first value received, increasing with each change.</summary>
public sealed record ObservationRevision(int Revision, Observation Observation);
