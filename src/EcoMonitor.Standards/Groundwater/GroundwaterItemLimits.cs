namespace EcoMonitor.Standards.Groundwater;

/// <summary>
/// One numeric item of GB/T 14848-2017 Table 1: upper limits (≤) of classes I–IV; class V is above the class IV
/// limit. A null class IV limit means Table 1 does not separate IV and V (gross α/β: "&gt; III value").
/// </summary>
/// <param name="Name">Short name used by <c>ecomon eval</c> (docs/cli.md).</param>
/// <param name="No">Row number in Table 1.</param>
/// <param name="Unit">Unit as in Table 1.</param>
/// <param name="Limits">≤ limits of classes I, II, III, IV (IV may be null).</param>
public sealed record GroundwaterItemLimits(string Name, int No, string Unit, decimal?[] Limits);
