using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// The stable codes every store engine writes for enum values, both ways, so that the engines agree and
/// <c>ecomon migrate</c> copies codes as they are. Renaming a code (or, for <see cref="ParseName{TEnum}"/>, an enum member)
/// needs a migration. An unknown stored code is <see cref="InvalidDataException"/>.
/// </summary>
public static class StoreCodes
{
    public static string ToCode(ObservationInterval interval) => interval switch
    {
        ObservationInterval.RealTime => "rt",
        ObservationInterval.Minute => "min",
        ObservationInterval.Hour => "hour",
        ObservationInterval.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    public static ObservationInterval ToInterval(string code) => code switch
    {
        "rt" => ObservationInterval.RealTime,
        "min" => ObservationInterval.Minute,
        "hour" => ObservationInterval.Hour,
        "day" => ObservationInterval.Day,
        _ => throw new InvalidDataException($"Unknown interval code '{code}' in the store."),
    };

    public static short ToCode(ObservationSource source) => source switch
    {
        ObservationSource.Hj212 => 1,
        ObservationSource.Import => 2,
        ObservationSource.Api => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static ObservationSource ToSource(long code) => code switch
    {
        1 => ObservationSource.Hj212,
        2 => ObservationSource.Import,
        3 => ObservationSource.Api,
        _ => throw new InvalidDataException($"Unknown observation source code {code} in the store."),
    };

    public static string ToCode(RawFrameOutcome outcome) => outcome switch
    {
        RawFrameOutcome.Accepted => "accepted",
        RawFrameOutcome.Duplicate => "duplicate",
        RawFrameOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static RawFrameOutcome ToOutcome(string code) => code switch
    {
        "accepted" => RawFrameOutcome.Accepted,
        "duplicate" => RawFrameOutcome.Duplicate,
        "rejected" => RawFrameOutcome.Rejected,
        _ => throw new InvalidDataException($"Unknown frame outcome '{code}' in the store."),
    };

    public static string ToCode(EvaluationScope scope) => scope switch
    {
        EvaluationScope.Station => "station",
        EvaluationScope.City => "city",
        EvaluationScope.County => "county",
        EvaluationScope.CityNetwork => "city-network",
        EvaluationScope.CountyNetwork => "county-network",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    public static EvaluationScope ToScope(string code) => code switch
    {
        "station" => EvaluationScope.Station,
        "city" => EvaluationScope.City,
        "county" => EvaluationScope.County,
        "city-network" => EvaluationScope.CityNetwork,
        "county-network" => EvaluationScope.CountyNetwork,
        _ => throw new InvalidDataException($"Unknown evaluation scope '{code}' in the store."),
    };

    public static string ToCode(WorkKind kind) => kind switch
    {
        WorkKind.Evaluation => "evaluation",
        WorkKind.Quality => "quality",
        WorkKind.Alarms => "alarms",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static WorkKind ToWorkKind(string code) => code switch
    {
        "evaluation" => WorkKind.Evaluation,
        "quality" => WorkKind.Quality,
        "alarms" => WorkKind.Alarms,
        _ => throw new InvalidDataException($"Unknown work kind '{code}' in the store."),
    };

    /// <summary>A station's networks as stored: English names joined by commas (<c>national,provincial</c>; empty for none).</summary>
    public static string ToCode(AssessmentNetworks networks) => string.Join(',', AssessmentNetworkNames.ListOf(networks));

    /// <summary>The networks of <see cref="ToCode(AssessmentNetworks)"/>.</summary>
    public static AssessmentNetworks ToNetworks(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        AssessmentNetworks networks = AssessmentNetworks.None;
        foreach (string name in code.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            networks |= AssessmentNetworkNames.Names.TryGetValue(name, out AssessmentNetworks one) && AssessmentNetworkNames.Of(one) == name
                ? one
                : throw new InvalidDataException($"Unknown network '{name}' in the store.");
        }

        return networks;
    }

    /// <summary>Enum names are the stored codes of station attributes (readable in SQL).</summary>
    public static TEnum ParseName<TEnum>(string name)
        where TEnum : struct, Enum =>
        Enum.TryParse(name, ignoreCase: false, out TEnum value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Unknown {typeof(TEnum).Name} '{name}' in the store.");
}
