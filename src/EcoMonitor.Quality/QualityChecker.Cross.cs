using EcoMonitor.Domain;

namespace EcoMonitor.Quality;

public sealed partial class QualityChecker
{
    private static readonly ParameterCode Pm25 = ParameterCode.Parse("a34004");
    private static readonly ParameterCode Pm10 = ParameterCode.Parse("a34002");
    private static readonly ParameterCode No2 = ParameterCode.Parse("a21004");
    private static readonly ParameterCode Nox = ParameterCode.Parse("a21002");
    private static readonly ParameterCode Ph = ParameterCode.Parse("w01001");
    private static readonly ParameterCode DissolvedOxygenCode = ParameterCode.Parse("w01009");
    private static readonly ParameterCode WaterTemperature = ParameterCode.Parse("w01010");

    // Rules across the parameters of one period: PM2.5 ≤ PM10, NO2 ≤ NOx, 0 ≤ pH ≤ 14, DO ≤ k × saturation(T).
    private void CheckPeriod(List<Observation> period, List<QualityFinding> findings)
    {
        Observation? Find(ParameterCode code) => period.FindLast(o => o.Parameter == code && o.Value is not null && o.Flag.Value is "N" or "S");

        if (Find(Pm25) is { } pm25 && Find(Pm10) is { } pm10 && pm25.Value > pm10.Value + _rules.Pm25AbovePm10Tolerance)
        {
            string reason = $"PM2.5 = {Number(pm25.Value!.Value)} is above PM10 = {Number(pm10.Value!.Value)} in the same period; PM2.5 is part of PM10";
            Add(findings, pm25, QualityRuleIds.Pm25AbovePm10, QualitySeverity.Suspect, reason);
            Add(findings, pm10, QualityRuleIds.Pm25AbovePm10, QualitySeverity.Suspect, reason);
        }

        if (Find(No2) is { } no2 && Find(Nox) is { } nox && no2.Value > nox.Value + _rules.No2AboveNoxTolerance)
        {
            string reason = $"NO2 = {Number(no2.Value!.Value)} is above NOx = {Number(nox.Value!.Value)} in the same period; NO2 is part of NOx";
            Add(findings, no2, QualityRuleIds.No2AboveNox, QualitySeverity.Suspect, reason);
            Add(findings, nox, QualityRuleIds.No2AboveNox, QualitySeverity.Suspect, reason);
        }

        if (Find(Ph) is { } ph && ph.Value is < 0m or > 14m)
        {
            Add(findings, ph, QualityRuleIds.PhRange, QualitySeverity.Invalid, $"pH = {Number(ph.Value!.Value)} is outside 0–14");
        }

        if (Find(DissolvedOxygenCode) is { } oxygen && Find(WaterTemperature) is { } temperature)
        {
            double saturation = DissolvedOxygen.SaturationMgPerLitre((double)temperature.Value!.Value);
            double limit = saturation * (double)_rules.DoSaturationFactor;
            if ((double)oxygen.Value!.Value > limit)
            {
                Add(findings, oxygen, QualityRuleIds.DoSupersaturation, QualitySeverity.Suspect,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DO = {Number(oxygen.Value.Value)} mg/L is {(double)oxygen.Value.Value / saturation:P0} of saturation ({saturation:F2} mg/L at {Number(temperature.Value.Value)} °C); above {Number(_rules.DoSaturationFactor * 100)} % is not plausible"));
            }
        }
    }
}
