using System.Text.Json.Nodes;
using EcoMonitor.Standards.Groundwater;
using EcoMonitor.Standards.Noise;
using EcoMonitor.Standards.Soil;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Cli.Eval;

/// <summary>GB 3096-2008, GB/T 14848-2017 and GB 15618-2018 kinds of <c>ecomon eval</c>.</summary>
internal static class GroundKinds
{
    public static JsonObject NoisePeriod(EvalInput input)
    {
        int hour = input.Int("hh"), minute = input.Int("mm");
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            throw new EvalInputException("'hh' must be 0..23 and 'mm' 0..59");
        }

        return new JsonObject { ["period"] = NoiseEvaluator.IsDay(hour, minute) ? "day" : "night" };
    }

    public static JsonObject Noise(EvalInput input)
    {
        string zone = input.String("zone");
        NoiseZoneLimit limits = Gb3096Limits.Find(zone)
            ?? throw new EvalInputException($"unknown zone '{zone}'; expected 0, 1, 2, 3, 4a or 4b");
        NoiseAssessment result = NoiseEvaluator.Evaluate(
            limits, input.OptionalDecimal("ld"), input.OptionalDecimal("ln"), input.OptionalDecimal("night_lmax"));
        return new JsonObject
        {
            ["day_exceed"] = EvalJson.Number(result.DayExceedance),
            ["day_ok"] = EvalJson.Bool(result.IsDayCompliant),
            ["night_exceed"] = EvalJson.Number(result.NightExceedance),
            ["night_lmax_limit"] = EvalJson.Number(result.NightMaxLimit),
            ["night_lmax_ok"] = EvalJson.Bool(result.IsNightMaxCompliant),
            ["night_ok"] = EvalJson.Bool(result.IsNightCompliant),
            ["day_limit"] = EvalJson.Number(limits.Day),
            ["night_limit"] = EvalJson.Number(limits.Night),
        };
    }

    public static JsonObject Leq(EvalInput input) =>
        new() { ["leq"] = EvalJson.Number(NoiseEvaluator.Leq([.. input.Decimals("levels").Select(l => (double)l)])) };

    public static JsonObject GroundwaterItem(EvalInput input)
    {
        WaterClass result = Classify(input.String("item"), input.Decimal("value"));
        return new JsonObject { ["class"] = (int)result, ["class_name"] = WaterClassNames.Name(result) };
    }

    public static JsonObject GroundwaterOverall(EvalInput input)
    {
        Dictionary<string, WaterClass> classes = [];
        foreach ((string item, JsonNode? node) in input.Object("sample"))
        {
            if (EvalInput.ToDecimal(node, item) is { } value)
            {
                classes[item] = Classify(item, value);
            }
        }

        (WaterClass worst, IReadOnlyList<string> items) = GroundwaterClassifier.Overall(classes)
            ?? throw new EvalInputException("'sample' holds no item");
        return new JsonObject
        {
            ["class"] = (int)worst,
            ["class_name"] = WaterClassNames.Name(worst),
            ["worst_items"] = EvalJson.Strings(items),
        };
    }

    public static JsonObject Soil(EvalInput input)
    {
        string item = input.String("item");
        SoilLandUse landUse = input.String("land_use") switch
        {
            "paddy" => SoilLandUse.Paddy,
            "other" => SoilLandUse.Other,
            "orchard" => SoilLandUse.Orchard,
            string other => throw new EvalInputException($"'land_use' must be paddy or other, not '{other}'"),
        };
        SoilAssessment result = SoilEvaluator.Evaluate(item, landUse, input.Decimal("ph"), input.Decimal("value"))
            ?? throw new EvalInputException($"unknown soil item '{item}'; expected Cd, Hg, As, Pb, Cr, Cu, Ni or Zn");
        return new JsonObject
        {
            ["band"] = result.Band,
            ["intervention"] = EvalJson.Number(result.Intervention),
            ["result"] = result.Result,
            ["screening"] = EvalJson.Number(result.Screening),
        };
    }

    private static WaterClass Classify(string item, decimal value) =>
        GroundwaterClassifier.TryClassify(item, value, out WaterClass result)
            ? result
            : throw new EvalInputException($"unknown groundwater item '{item}' (see docs/cli.md)");
}
