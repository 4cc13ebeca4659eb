using System.Text.Json.Nodes;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Cli.Eval;

/// <summary>HJ 633-2012 kinds of <c>ecomon eval</c>: iaqi, aqi_category, hourly_aqi, daily_aqi.</summary>
internal static class AqiKinds
{
    private static readonly string[] HourlyNames = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3"];

    private static readonly string[] DailyNames = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3_1h", "O3_8h"];

    public static JsonObject Iaqi(EvalInput input)
    {
        string key = input.String("table");
        int index = Array.IndexOf(IaqiBreakpoints.Keys, key);
        if (index < 0)
        {
            throw new EvalInputException($"unknown table '{key}'; expected one of {string.Join(", ", IaqiBreakpoints.Keys)}");
        }

        decimal c = input.Decimal("c");
        if (c < 0m)
        {
            throw new EvalInputException("'c' must not be negative");
        }

        IaqiResult result = IaqiCalculator.Compute((IaqiTable)index, c);
        string status = result.Status switch
        {
            IaqiStatus.Computed => "ok",
            IaqiStatus.AboveTable => "above_table_capped",
            IaqiStatus.NotApplicable => "not_applicable",
            _ => "missing",
        };
        return new JsonObject { ["iaqi"] = EvalJson.Number(result.AsNullable), ["status"] = status };
    }

    public static JsonObject Category(EvalInput input)
    {
        decimal aqi = input.Decimal("aqi");
        if (aqi < 0m)
        {
            throw new EvalInputException("'aqi' must not be negative");
        }

        // HJ 633 AQI values are integers (rounded up); a fractional input is rounded up the same way.
        AqiCategory category = AqiCategories.For((int)decimal.Ceiling(aqi));
        return new JsonObject
        {
            ["category"] = category.Name,
            ["level"] = category.Level,
            ["rgb"] = new JsonArray(category.Red, category.Green, category.Blue),
            ["level_name"] = category.LevelName,
            ["colour"] = category.ColourName,
            ["health_effect"] = AqiHealthAdvice.HealthEffect(category.Level),
            ["advice"] = AqiHealthAdvice.Advice(category.Level),
        };
    }

    public static JsonObject Hourly(EvalInput input)
    {
        HourlyAqiInput hour = new(
            NonNegative(input, "so2_1h"), NonNegative(input, "no2_1h"), NonNegative(input, "pm10_1h"),
            NonNegative(input, "pm25_1h"), NonNegative(input, "co_1h"), NonNegative(input, "o3_1h"),
            NonNegative(input, "so2_24h"));
        return Report(AqiCalculator.Hourly(hour), HourlyNames);
    }

    public static JsonObject Daily(EvalInput input)
    {
        DailyAqiInput day = new(
            NonNegative(input, "so2_24h"), NonNegative(input, "no2_24h"), NonNegative(input, "pm10_24h"),
            NonNegative(input, "pm25_24h"), NonNegative(input, "co_24h"), NonNegative(input, "o3_1h_max"),
            NonNegative(input, "o3_8h_max"));
        return Report(AqiCalculator.Daily(day), DailyNames);
    }

    private static decimal? NonNegative(EvalInput input, string name) =>
        input.OptionalDecimal(name) is { } v && v < 0m ? throw new EvalInputException($"'{name}' must not be negative")
            : input.OptionalDecimal(name);

    private static JsonObject Report(AqiResult result, string[] names)
    {
        JsonObject iaqi = [];
        for (int i = 0; i < names.Length; i++)
        {
            iaqi[names[i]] = EvalJson.Number(result.GetIaqi((AqiSubIndex)i));
        }

        return new JsonObject
        {
            ["aqi"] = EvalJson.Number(result.Aqi),
            ["exceeding"] = EvalJson.Strings(Names(result.Exceeding, names)),
            ["iaqi"] = iaqi,
            ["level"] = EvalJson.Number(result.Category?.Level),
            ["primary"] = EvalJson.Strings(Names(result.Primary, names)),
            ["category"] = result.Category?.Name,
        };
    }

    private static IEnumerable<string> Names(AqiPollutants set, string[] names) =>
        names.Where((_, i) => set.HasFlag((AqiPollutants)(1 << i)));
}
