using System.Text.Json;
using System.Text.Json.Serialization;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>
/// Reads <c>config/quality-rules.json</c> (format in docs/quality.md) into a <see cref="QualityRuleSet"/>. A file that
/// does not parse, names an unknown rule, severity or station type is refused as a whole with a message saying where:
/// quality configuration is not guessed.
/// </summary>
public static class QualityRuleSetFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Parses the file; throws <see cref="InvalidDataException"/> with an operator-readable message when it is wrong.</summary>
    public static QualityRuleSet Parse(Stream json)
    {
        FileModel model;
        try
        {
            model = JsonSerializer.Deserialize<FileModel>(json, Options) ?? throw new InvalidDataException("The quality rules file is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The quality rules file is not valid JSON: {exception.Message}", exception);
        }

        var severities = new Dictionary<string, QualitySeverity>(StringComparer.Ordinal);
        foreach ((string rule, string severity) in model.Severities ?? [])
        {
            severities[KnownRule(rule, "severities")] = severity switch
            {
                "marked" => QualitySeverity.Marked,
                "suspect" => QualitySeverity.Suspect,
                "invalid" => QualitySeverity.Invalid,
                _ => throw new InvalidDataException($"severities.{rule}: '{severity}' is not marked, suspect or invalid."),
            };
        }

        var byType = new Dictionary<(StationType, string), ParameterRules>();
        foreach ((string typeName, Dictionary<string, ParameterModel> parameters) in model.StationTypes ?? [])
        {
            if (!Enum.TryParse(typeName, ignoreCase: true, out StationType type) || !Enum.IsDefined(type))
            {
                throw new InvalidDataException($"stationTypes.{typeName}: not a station type ({string.Join(", ", Enum.GetNames<StationType>())}).");
            }

            foreach ((string code, ParameterModel rules) in parameters)
            {
                byType[(type, KnownParameter(code))] = rules.ToRules();
            }
        }

        return new QualityRuleSet(
            (model.Parameters ?? []).ToDictionary(p => KnownParameter(p.Key), p => p.Value.ToRules(), StringComparer.Ordinal),
            byType,
            severities,
            (model.Disabled ?? []).Select(r => KnownRule(r, "disabled")))
        {
            FlatLineMinPeriods = model.FlatLineMinPeriods ?? 3,
            FutureTolerance = Duration.FromMinutes(model.FutureToleranceMinutes ?? 10),
            Pm25AbovePm10Tolerance = model.Pm25AbovePm10Tolerance ?? 10m,
            No2AboveNoxTolerance = model.No2AboveNoxTolerance ?? 10m,
            DoSaturationFactor = model.DoSaturationFactor ?? 2m,
            Falsification = model.Falsification?.ToRules() ?? FalsificationRules.Default,
        };
    }

    private static string KnownRule(string rule, string where) =>
        QualityRuleIds.All.Contains(rule, StringComparer.Ordinal)
            ? rule
            : throw new InvalidDataException($"{where}: '{rule}' is not a rule id ({string.Join(", ", QualityRuleIds.All)}).");

    private static string KnownParameter(string code) =>
        ParameterCode.TryParse(code, out ParameterCode parsed)
            ? parsed.Value
            : throw new InvalidDataException($"parameters: '{code}' is not an HJ 212 parameter code.");

    private sealed class FileModel
    {
        public int? FlatLineMinPeriods { get; set; }
        public int? FutureToleranceMinutes { get; set; }
        public decimal? Pm25AbovePm10Tolerance { get; set; }
        public decimal? No2AboveNoxTolerance { get; set; }
        public decimal? DoSaturationFactor { get; set; }
        public Dictionary<string, string>? Severities { get; set; }
        public List<string>? Disabled { get; set; }
        public Dictionary<string, ParameterModel>? Parameters { get; set; }
        public Dictionary<string, Dictionary<string, ParameterModel>>? StationTypes { get; set; }
        public FalsificationModel? Falsification { get; set; }
    }

    private sealed class ParameterModel
    {
        public string? Name { get; set; }
        public string? Unit { get; set; }
        public decimal? Min { get; set; }
        public decimal? Max { get; set; }
        public bool AllowsNegative { get; set; }
        public decimal? FlatLineHours { get; set; }
        public decimal FlatLineFloor { get; set; }
        public decimal? SpikeDelta { get; set; }
        public decimal? SpikeRatio { get; set; }
        public decimal? MaxStep { get; set; }

        public ParameterRules ToRules() => new()
        {
            Name = Name ?? "", Unit = Unit ?? "", Min = Min, Max = Max, AllowsNegative = AllowsNegative,
            FlatLineHours = FlatLineHours, FlatLineFloor = FlatLineFloor, SpikeDelta = SpikeDelta, SpikeRatio = SpikeRatio ?? 3m,
            MaxStep = MaxStep,
        };
    }
}
