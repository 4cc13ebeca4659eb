using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Checks rule documents and builds rules. Every problem is reported with the rule's position and id and what is
/// wrong, in words an operator can act on; a rule with any problem is not built.
/// </summary>
public static class AlarmRuleReader
{
    /// <summary>JSON options of the rule file and the API's rule bodies.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Reads the rule file: <c>{ "channels": [...], "rules": [...] }</c>.</summary>
    public static AlarmConfiguration ReadFile(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        List<string> errors = [];
        AlarmConfigurationDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<AlarmConfigurationDocument>(stream, Json);
        }
        catch (JsonException exception)
        {
            return new AlarmConfiguration([], [], [$"The rule file is not valid JSON: {exception.Message}"]);
        }

        List<NotificationChannel> channels = [];
        int index = 0;
        foreach (NotificationChannelDocument item in document?.Channels ?? [])
        {
            if (NotificationChannel.TryRead(item, $"channels[{index++}]", errors) is { } channel)
            {
                channels.Add(channel);
            }
        }

        List<AlarmRule> rules = [];
        index = 0;
        foreach (AlarmRuleDocument item in document?.Rules ?? [])
        {
            if (Read(item, $"rules[{index++}]", errors) is { } rule)
            {
                rules.Add(rule);
            }
        }

        foreach (var duplicate in rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"rule id '{duplicate.Key}' is used {duplicate.Count()} times; ids must be unique");
        }

        foreach (AlarmRule rule in rules)
        {
            foreach (string channel in rule.Channels.Where(c => !channels.Exists(x => x.Id == c)))
            {
                errors.Add($"rule '{rule.Id}': channel '{channel}' is not defined under \"channels\"");
            }
        }

        return new AlarmConfiguration(rules, channels, errors);
    }

    /// <summary>Builds the rule of <paramref name="document"/>, or returns null after adding its problems to <paramref name="errors"/>.</summary>
    public static AlarmRule? Read(AlarmRuleDocument document, string where, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(errors);
        int before = errors.Count;
        string label = document.Id is null ? where : $"{where} '{document.Id}'";
        void Fail(string field, string reason) => errors.Add($"{label} {field}: {reason}");

        if (string.IsNullOrWhiteSpace(document.Id) || document.Id.Length > 64 || !document.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            Fail("id", "missing or invalid; 1-64 letters, digits, '-', '_' or '.'");
        }

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            Fail("name", "missing; a name operators recognise");
        }

        AlarmRuleKind kind = default;
        if (!AlarmNames.TryParse(document.Kind, out kind))
        {
            Fail("kind", $"'{document.Kind}' is not one of {AlarmNames.List<AlarmRuleKind>()}");
        }

        AlarmSeverity severity = AlarmSeverity.Warning;
        if (document.Severity is not null && !AlarmNames.TryParse(document.Severity, out severity))
        {
            Fail("severity", $"'{document.Severity}' is not one of {AlarmNames.List<AlarmSeverity>()}");
        }

        StationId? station = null;
        if (document.Station is not null)
        {
            if (StationId.TryParse(document.Station, out StationId id))
            {
                station = id;
            }
            else
            {
                Fail("station", $"'{document.Station}' is not a valid MN");
            }
        }

        StationType? stationType = null;
        if (document.StationType is not null)
        {
            if (AlarmNames.TryParse(document.StationType, out StationType type))
            {
                stationType = type;
            }
            else
            {
                Fail("stationType", $"'{document.StationType}' is not one of {AlarmNames.List<StationType>()}");
            }
        }

        RegionCode? region = null;
        if (document.Region is not null)
        {
            if (RegionCode.TryParse(document.Region, out RegionCode code))
            {
                region = code;
            }
            else
            {
                Fail("region", $"'{document.Region}' is not a 6-digit administrative division code");
            }
        }

        ParameterCode? parameter = null;
        if (document.Parameter is not null)
        {
            if (ParameterCode.TryParse(document.Parameter, out ParameterCode code))
            {
                parameter = code;
            }
            else
            {
                Fail("parameter", $"'{document.Parameter}' is not an HJ 212 parameter code");
            }
        }

        ObservationInterval interval = ObservationInterval.Hour;
        if (document.Interval is not null && !AlarmNames.TryParse(document.Interval, out interval))
        {
            Fail("interval", $"'{document.Interval}' is not one of {AlarmNames.List<ObservationInterval>()}");
        }

        LimitSource limitSource = LimitSource.Fixed;
        if (document.LimitSource is not null && !AlarmNames.TryParse(document.LimitSource, out limitSource))
        {
            Fail("limitSource", $"'{document.LimitSource}' is not one of {AlarmNames.List<LimitSource>()}");
        }

        LimitDirection direction = LimitDirection.Above;
        if (document.Direction is not null && !AlarmNames.TryParse(document.Direction, out direction))
        {
            Fail("direction", $"'{document.Direction}' is not one of {AlarmNames.List<LimitDirection>()}");
        }

        CheckRange(document.Consecutive, 1, 10_000, "consecutive", Fail);
        CheckRange(document.WindowPeriods, 0, 10_000, "windowPeriods", Fail);
        CheckRange(document.RiseHours, 1, 168, "riseHours", Fail);
        CheckRange(document.SilentMinutes, 1, 100_000, "silentMinutes", Fail);
        if (document.WindowPeriods is > 0 && (document.MinCount is not { } m || m < 1 || m > document.WindowPeriods))
        {
            Fail("minCount", $"must be 1..{document.WindowPeriods} when windowPeriods is set");
        }

        if (document.RiseFactor is { } factor && factor <= 1m)
        {
            Fail("riseFactor", "must be greater than 1 (2 = doubling)");
        }

        bool isSeries = kind is not (AlarmRuleKind.Silence or AlarmRuleKind.Aqi or AlarmRuleKind.Security);
        if (errors.Count == before)
        {
            if (isSeries && kind != AlarmRuleKind.FaultFlag && parameter is null)
            {
                Fail("parameter", $"required for a {AlarmNames.Of(kind)} rule");
            }

            if (kind == AlarmRuleKind.Exceedance && limitSource == LimitSource.Fixed && document.Limit is null)
            {
                Fail("limit", "required when limitSource is fixed");
            }

            if (kind == AlarmRuleKind.Aqi && (document.Limit is null || region is null))
            {
                Fail(document.Limit is null ? "limit" : "region", "an AQI rule needs the city (region) and the AQI threshold (limit, e.g. 200)");
            }

            if (kind == AlarmRuleKind.Exceedance && limitSource == LimitSource.Gb3095ClassII && interval is not (ObservationInterval.Hour or ObservationInterval.Day))
            {
                Fail("interval", "GB 3095 limits are for hourly or daily values");
            }
        }

        if (errors.Count != before)
        {
            return null;
        }

        return new AlarmRule
        {
            Id = document.Id!, Name = document.Name!.Trim(), Kind = kind, Severity = severity, Station = station,
            StationType = stationType, Region = region, Parameter = parameter, Interval = interval, LimitSource = limitSource,
            Limit = document.Limit, Direction = direction, Consecutive = document.Consecutive ?? 1,
            WindowPeriods = document.WindowPeriods ?? 0, MinCount = document.MinCount ?? 0, RiseFactor = document.RiseFactor ?? 2m,
            RiseHours = document.RiseHours ?? 4, FaultFlags = document.FaultFlags ?? ["D", "B"],
            SilentMinutes = document.SilentMinutes ?? 60, Channels = document.Channels ?? [], IsEnabled = document.Enabled ?? true,
        };
    }

    private static void CheckRange(int? value, int min, int max, string field, Action<string, string> fail)
    {
        if (value is { } v && (v < min || v > max))
        {
            fail(field, $"{v} is outside {min}..{max}");
        }
    }
}
