using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoMonitor.Cli.Eval;

/// <summary>
/// The loop of <c>ecomon eval</c> (../shared/contracts/ecomon-eval.md): one JSON object per input line, one JSON object
/// per output line in the same order; a line that cannot be evaluated gives <c>{"error": "..."}</c> and the run goes
/// on. Blank lines are skipped.
/// </summary>
internal static class EvalRunner
{
    private static readonly Dictionary<string, Func<EvalInput, JsonObject>> Kinds = new(StringComparer.Ordinal)
    {
        ["iaqi"] = AqiKinds.Iaqi,
        ["aqi_category"] = AqiKinds.Category,
        ["hourly_aqi"] = AqiKinds.Hourly,
        ["daily_aqi"] = AqiKinds.Daily,
        ["daily_mean"] = AirStatisticsKinds.DailyMean,
        ["o3_8h_window"] = AirStatisticsKinds.EightHourWindow,
        ["o3_daily_max_8h"] = AirStatisticsKinds.DailyMaxEightHours,
        ["annual_validity"] = AirStatisticsKinds.AnnualValidityOf,
        ["percentile"] = AirStatisticsKinds.Percentile,
        ["annual_eval"] = AirStatisticsKinds.AnnualEval,
        ["comprehensive_index"] = AirStatisticsKinds.Comprehensive,
        ["sw_item"] = WaterKinds.Item,
        ["sw_section"] = WaterKinds.Section,
        ["basin_rating"] = WaterKinds.Basin,
        ["tli"] = WaterKinds.Tli,
        ["cwqi_item"] = WaterKinds.CwqiItem,
        ["cwqi_section"] = WaterKinds.CwqiSection,
        ["cwqi_city"] = WaterKinds.CwqiCity,
        ["noise_period"] = GroundKinds.NoisePeriod,
        ["noise"] = GroundKinds.Noise,
        ["leq"] = GroundKinds.Leq,
        ["gw_item"] = GroundKinds.GroundwaterItem,
        ["gw_overall"] = GroundKinds.GroundwaterOverall,
        ["soil"] = GroundKinds.Soil,
    };

    private static readonly JsonSerializerOptions Output = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Evaluates every line of <paramref name="input"/>; returns the number of error lines.</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        int errors = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonObject result = EvaluateLine(line);
            errors += result.ContainsKey("error") ? 1 : 0;
            await output.WriteLineAsync(result.ToJsonString(Output).AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
        return errors;
    }

    /// <summary>Evaluates one input line.</summary>
    public static JsonObject EvaluateLine(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is not JsonObject fields)
            {
                return Error("input line is not a JSON object");
            }

            EvalInput input = new(fields);
            string kind = input.String("kind");
            return Kinds.TryGetValue(kind, out Func<EvalInput, JsonObject>? evaluate)
                ? evaluate(input)
                : Error($"kind not supported: {kind}");
        }
        catch (JsonException ex)
        {
            return Error($"invalid JSON: {ex.Message}");
        }
        catch (EvalInputException ex)
        {
            return Error(ex.Message);
        }
        catch (ArgumentException ex)
        {
            // Guards of the standards library (a value outside its domain) reject this line only.
            return Error(ex.Message);
        }
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };
}
