namespace EcoMonitor.Standards.Noise;

/// <summary>One row of GB 3096-2008 clause 5.1 Table 1: LAeq limits of a functional zone, dB(A).</summary>
/// <param name="Zone">Zone name: 0, 1, 2, 3, 4a, 4b.</param>
/// <param name="Day">Day (06:00–22:00) limit.</param>
/// <param name="Night">Night (22:00–06:00) limit.</param>
public sealed record NoiseZoneLimit(string Zone, decimal Day, decimal Night);
