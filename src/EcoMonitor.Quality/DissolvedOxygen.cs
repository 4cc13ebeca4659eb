namespace EcoMonitor.Quality;

/// <summary>
/// Saturation concentration of dissolved oxygen in fresh water at one standard atmosphere, by the Benson and Krause
/// (1984) equation as given in Standard Methods 4500-O and ISO 5814:
/// ln C = −139.34411 + 1.575701×10⁵/T − 6.642308×10⁷/T² + 1.243800×10¹⁰/T³ − 8.621949×10¹¹/T⁴, T in kelvin, C in mg/L
/// (e.g. 14.62 mg/L at 0 °C, 9.09 at 20 °C, 7.56 at 30 °C).
/// </summary>
public static class DissolvedOxygen
{
    /// <summary>Saturation in mg/L at <paramref name="celsius"/> (valid 0–40 °C; clamped to that range).</summary>
    public static double SaturationMgPerLitre(double celsius)
    {
        double t = Math.Clamp(celsius, 0, 40) + 273.15;
        double ln = -139.34411 + (1.575701e5 / t) - (6.642308e7 / (t * t)) + (1.243800e10 / (t * t * t)) - (8.621949e11 / (t * t * t * t));
        return Math.Exp(ln);
    }
}
