namespace EcoMonitor.Standards.Soil;

/// <summary>A GB 15618-2018 result for one item of one sample.</summary>
/// <param name="Band">pH band label (<see cref="Gb15618Values.PhBands"/>).</param>
/// <param name="Screening">Screening value, mg/kg.</param>
/// <param name="Intervention">Intervention value, mg/kg; null for Cu, Ni, Zn (none in Table 3).</param>
/// <param name="Result"><c>le_screening</c>, <c>between</c> (above screening, not above intervention or no
/// intervention value) or <c>gt_intervention</c>.</param>
public sealed record SoilAssessment(string Band, decimal Screening, decimal? Intervention, string Result);
