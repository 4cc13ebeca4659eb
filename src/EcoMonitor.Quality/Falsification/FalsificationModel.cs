using System.Collections.Frozen;
using System.Globalization;
using EcoMonitor.Domain;

namespace EcoMonitor.Quality;

/// <summary>The <c>falsification</c> section of <c>config/quality-rules.json</c> as written; <see cref="ToRules"/> checks it.</summary>
internal sealed class FalsificationModel
{
    public List<string>? StationTypes { get; set; }
    public List<string>? OperatingParameters { get; set; }
    public int? IdenticalRunMinPeriods { get; set; }
    public int? IdenticalRunMinMinutes { get; set; }
    public int? RepeatedBlockPeriods { get; set; }
    public int? RepeatedBlockMinDistinct { get; set; }
    public decimal? PinnedBand { get; set; }
    public decimal? PinnedMinShare { get; set; }
    public int? PinnedMinValues { get; set; }
    public int? WindowMinutes { get; set; }
    public int? WindowMinValues { get; set; }
    public int? ZeroVarianceMinParameters { get; set; }
    public decimal? RunningMinVariation { get; set; }
    public int? FlatWhileRunningMinWindows { get; set; }
    public int? BurstGapSeconds { get; set; }
    public int? BurstMinPeriods { get; set; }
    public int? BurstMinCount { get; set; }
    public decimal? BurstSpacingMaxCv { get; set; }
    public int? RequestNumberReuseMinCount { get; set; }
    public Dictionary<string, int>? Weights { get; set; }
    public List<string>? Disabled { get; set; }

    /// <summary>The rules, defaults where a key is absent; throws <see cref="InvalidDataException"/> naming the wrong key.</summary>
    public FalsificationRules ToRules()
    {
        FalsificationRules d = FalsificationRules.Default;
        var weights = new Dictionary<string, int>(d.Weights, StringComparer.Ordinal);
        foreach ((string sign, int weight) in Weights ?? [])
        {
            weights[KnownSign(sign, "weights")] = weight is >= 0 and <= 100
                ? weight
                : throw new InvalidDataException($"falsification.weights.{sign}: {weight} is not between 0 and 100.");
        }

        return new FalsificationRules
        {
            StationTypes = StationTypes is null ? d.StationTypes : StationTypes.Select(ParseType).ToFrozenSet(),
            OperatingParameters = OperatingParameters is null ? d.OperatingParameters : OperatingParameters.Select(ParseParameter).ToFrozenSet(StringComparer.Ordinal),
            IdenticalRunMinPeriods = Positive(IdenticalRunMinPeriods, d.IdenticalRunMinPeriods, "identicalRunMinPeriods"),
            IdenticalRunMinMinutes = Positive(IdenticalRunMinMinutes, d.IdenticalRunMinMinutes, "identicalRunMinMinutes"),
            RepeatedBlockPeriods = Positive(RepeatedBlockPeriods, d.RepeatedBlockPeriods, "repeatedBlockPeriods"),
            RepeatedBlockMinDistinct = Positive(RepeatedBlockMinDistinct, d.RepeatedBlockMinDistinct, "repeatedBlockMinDistinct"),
            PinnedBand = Share(PinnedBand, d.PinnedBand, "pinnedBand"),
            PinnedMinShare = Share(PinnedMinShare, d.PinnedMinShare, "pinnedMinShare"),
            PinnedMinValues = Positive(PinnedMinValues, d.PinnedMinValues, "pinnedMinValues"),
            WindowMinutes = Positive(WindowMinutes, d.WindowMinutes, "windowMinutes"),
            WindowMinValues = Positive(WindowMinValues, d.WindowMinValues, "windowMinValues"),
            ZeroVarianceMinParameters = Positive(ZeroVarianceMinParameters, d.ZeroVarianceMinParameters, "zeroVarianceMinParameters"),
            RunningMinVariation = Share(RunningMinVariation, d.RunningMinVariation, "runningMinVariation"),
            FlatWhileRunningMinWindows = Positive(FlatWhileRunningMinWindows, d.FlatWhileRunningMinWindows, "flatWhileRunningMinWindows"),
            BurstGapSeconds = Positive(BurstGapSeconds, d.BurstGapSeconds, "burstGapSeconds"),
            BurstMinPeriods = Positive(BurstMinPeriods, d.BurstMinPeriods, "burstMinPeriods"),
            BurstMinCount = Math.Max(2, Positive(BurstMinCount, d.BurstMinCount, "burstMinCount")),
            BurstSpacingMaxCv = Share(BurstSpacingMaxCv, d.BurstSpacingMaxCv, "burstSpacingMaxCv"),
            RequestNumberReuseMinCount = Positive(RequestNumberReuseMinCount, d.RequestNumberReuseMinCount, "requestNumberReuseMinCount"),
            Weights = weights.ToFrozenDictionary(StringComparer.Ordinal),
            Disabled = (Disabled ?? []).Select(s => KnownSign(s, "disabled")).ToFrozenSet(StringComparer.Ordinal),
        };
    }

    private static int Positive(int? value, int fallback, string key) =>
        value is null ? fallback
        : value > 0 ? value.Value
        : throw new InvalidDataException($"falsification.{key}: {value} must be a positive whole number.");

    private static decimal Share(decimal? value, decimal fallback, string key) =>
        value is null ? fallback
        : value is > 0m and <= 1m ? value.Value
        : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"falsification.{key}: {value} must lie in (0, 1]."));

    private static string KnownSign(string sign, string where) =>
        FalsificationSignIds.All.Contains(sign, StringComparer.Ordinal)
            ? sign
            : throw new InvalidDataException($"falsification.{where}: '{sign}' is not a falsification sign ({string.Join(", ", FalsificationSignIds.All)}).");

    private static StationType ParseType(string name) =>
        Enum.TryParse(name, ignoreCase: true, out StationType type) && Enum.IsDefined(type)
            ? type
            : throw new InvalidDataException($"falsification.stationTypes: '{name}' is not a station type ({string.Join(", ", Enum.GetNames<StationType>())}).");

    private static string ParseParameter(string code) =>
        ParameterCode.TryParse(code, out ParameterCode parsed)
            ? parsed.Value
            : throw new InvalidDataException($"falsification.operatingParameters: '{code}' is not an HJ 212 parameter code.");
}
