namespace EcoMonitor.Portal.Tests;

/// <summary>Runs <see cref="MapFirstViewTests"/> without any other test in parallel.</summary>
[CollectionDefinition(MapFirstViewTests.Collection, DisableParallelization = true)]
public sealed class MapFirstViewRunsAlone;
