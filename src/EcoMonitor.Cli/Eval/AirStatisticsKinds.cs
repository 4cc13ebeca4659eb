using System.Text.Json.Nodes;
using EcoMonitor.Standards.Air;
using EcoMonitor.Standards.Rounding;
using NodaTime;

namespace EcoMonitor.Cli.Eval;

/// <summary>GB 3095-2012 / HJ 663-2013 kinds of <c>ecomon eval</c>.</summary>
internal static class AirStatisticsKinds
{
    private static readonly AirPollutant[] AnnualOrder =
        [AirPollutant.So2, AirPollutant.No2, AirPollutant.Pm10, AirPollutant.Pm25, AirPollutant.Co, AirPollutant.O3];

    public static JsonObject DailyMean(EvalInput input)
    {
        AirPollutant pollutant = Pollutant(input.String("pollutant"));
        MeanResult mean = HourlyAverager.DailyMean(input.NullableDecimals("hourly"));
        return new JsonObject
        {
            ["n"] = mean.Count,
            ["valid"] = mean.IsValid,
            ["value"] = EvalJson.Number(Round(mean.Value, AirPollutantFacts.Decimals(pollutant))),
        };
    }

    public static JsonObject EightHourWindow(EvalInput input)
    {
        MeanResult mean = HourlyAverager.EightHourMean(input.NullableDecimals("hourly8"));
        return new JsonObject { ["valid"] = mean.IsValid, ["value"] = EvalJson.Number(Round(mean.Value, 0)), ["n"] = mean.Count };
    }

    public static JsonObject DailyMaxEightHours(EvalInput input)
    {
        DailyMaxEightHourResult max = DailyMaxEightHour.Compute(input.NullableDecimals("hourly"));
        return new JsonObject
        {
            ["n_windows"] = max.WindowCount,
            ["valid"] = max.IsValid,
            ["value"] = EvalJson.Number(Round(max.Value, 0)),
        };
    }

    public static JsonObject AnnualValidityOf(EvalInput input)
    {
        int[] counts = [.. input.Decimals("month_counts").Select(c => (int)c)];
        if (counts.Length != 12)
        {
            throw new EvalInputException("'month_counts' must hold 12 monthly counts");
        }

        return new JsonObject { ["valid"] = AnnualValidity.IsValid(counts) };
    }

    public static JsonObject Percentile(EvalInput input)
    {
        decimal p = input.Decimal("p");
        int digits = input.Fields["ndigits"] is null ? 0 : input.Int("ndigits");
        if (p is < 0m or > 100m || digits is < 0 or > 10)
        {
            throw new EvalInputException("'p' must be within 0..100 and 'ndigits' within 0..10");
        }

        return new JsonObject { ["value"] = EvalJson.Number(Round(Hj663Percentile.Compute(input.Decimals("values"), p), digits)) };
    }

    public static JsonObject AnnualEval(EvalInput input)
    {
        JsonObject daily = input.Object("daily");
        EvalInput series = new(daily);
        int? year = input.Fields["year"] is null ? null : input.Int("year");
        JsonObject output = [];
        List<PeriodStatistics> evaluated = [];
        foreach (AirPollutant pollutant in AnnualOrder)
        {
            string name = AirPollutantFacts.Name(pollutant);
            if (daily[name] is null)
            {
                continue;
            }

            decimal?[] values = series.NullableDecimals(name);
            int firstYear = year ?? (values.Length == 366 ? 2020 : 2019);
            PeriodStatistics stats = PeriodEvaluator.Evaluate(pollutant, new LocalDate(firstYear, 1, 1), values);
            evaluated.Add(stats);
            output[name] = new JsonObject
            {
                ["n"] = stats.ValidDays,
                ["valid"] = stats.IsValid,
                ["mean"] = EvalJson.Number(stats.Mean),
                ["p"] = stats.PercentileRank,
                ["percentile"] = EvalJson.Number(stats.Percentile),
                ["exceedance_days"] = stats.ExceedanceDays,
                ["compliance_rate"] = EvalJson.Number(stats.ComplianceRate),
                ["compliant"] = EvalJson.Bool(stats.IsCompliant),
                ["mean_exceed_multiple"] = EvalJson.Number(stats.MeanExceedMultiple),
                ["percentile_exceed_multiple"] = EvalJson.Number(stats.PercentileExceedMultiple),
            };
        }

        output["compliant"] = EvalJson.Bool(PeriodEvaluator.IsOverallCompliant(evaluated));
        return output;
    }

    public static JsonObject Comprehensive(EvalInput input)
    {
        decimal?[] c =
        [
            input.OptionalDecimal("so2"), input.OptionalDecimal("no2"), input.OptionalDecimal("pm10"),
            input.OptionalDecimal("pm25"), input.OptionalDecimal("co_p95"), input.OptionalDecimal("o3_8h_p90"),
        ];
        ComprehensiveIndexResult result = ComprehensiveIndex.Compute(c);
        JsonObject single = [];
        foreach (AirPollutant pollutant in AnnualOrder)
        {
            single[AirPollutantFacts.Name(pollutant)] = EvalJson.Number(result.SingleIndices[(int)pollutant]);
        }

        return new JsonObject
        {
            ["index"] = EvalJson.Number(result.Index),
            ["max_single"] = EvalJson.Number(result.MaxPollutant is { } m ? result.SingleIndices[(int)m] : null),
            ["max_pollutant"] = result.MaxPollutant is { } p ? AirPollutantFacts.Name(p) : null,
            ["single"] = single,
        };
    }

    private static AirPollutant Pollutant(string name) => AirPollutantFacts.TryParse(name, out AirPollutant p)
        ? p
        : throw new EvalInputException($"unknown pollutant '{name}'; expected SO2, NO2, PM10, PM2.5, CO or O3");

    private static decimal? Round(decimal? value, int decimals) => value is { } v ? GbT8170.Round(v, decimals) : null;
}
