using System.Text.Json.Nodes;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Cli.Eval;

/// <summary>GB 3838-2002, 地表水环境质量评价办法 and CWQI kinds of <c>ecomon eval</c>.</summary>
internal static class WaterKinds
{
    private static readonly string[] TrophicInputs = ["chla", "tp", "tn", "sd", "codmn"];

    // Names as the contract spells them; SurfaceWaterItem's members are spelled the same and numbered in this order.
    private static readonly string[] ItemNames = Enum.GetNames<SurfaceWaterItem>();

    public static JsonObject Item(EvalInput input)
    {
        WaterClass result = SurfaceWaterClassifier.Classify(Item(input.String("item")), input.Decimal("value"), Body(input));
        return new JsonObject { ["class"] = (int)result, ["class_name"] = WaterClassNames.Name(result) };
    }

    public static JsonObject Section(EvalInput input)
    {
        SectionAssessment section = SectionEvaluator.Evaluate(Sample(input), Body(input))
            ?? throw new EvalInputException("'sample' holds none of the 21 section items");
        JsonObject multiples = [];
        foreach ((SurfaceWaterItem item, decimal multiple) in section.ExceedMultiples)
        {
            multiples[item.ToString()] = EvalJson.Number(multiple);
        }

        JsonObject separate = [];
        foreach ((SurfaceWaterItem item, WaterClass itemClass) in section.Separate)
        {
            separate[item.ToString()] = (int)itemClass;
        }

        return new JsonObject
        {
            ["class"] = (int)section.Class,
            ["class_name"] = WaterClassNames.Name(section.Class),
            ["exceed_multiples"] = multiples,
            ["main_pollutants"] = EvalJson.Strings(section.MainPollutants.Select(i => i.ToString())),
            ["quality"] = section.Quality,
            ["separate"] = separate,
            ["worst_items"] = EvalJson.Strings(section.WorstItems.Select(i => i.ToString())),
        };
    }

    public static JsonObject Basin(EvalInput input)
    {
        WaterClass[] classes = [.. input.Array("classes").Select((node, i) =>
            WaterClassNames.TryParse(node is JsonValue v && v.TryGetValue(out string? s) ? s : node?.ToJsonString(), out WaterClass c)
                ? c
                : throw new EvalInputException($"'classes[{i}]' must be 1..6 or I, II, III, IV, V, 劣V"))];
        return new JsonObject { ["quality"] = BasinRating.Rate(classes), ["n"] = classes.Length };
    }

    public static JsonObject Tli(EvalInput input)
    {
        double[] values = [.. TrophicInputs.Select(n => (double)input.Decimal(n))];
        if (values.Any(v => v <= 0))
        {
            throw new EvalInputException("chla, tp, tn, sd and codmn must be positive");
        }

        double tli = TrophicLevelIndex.Compute(values[0], values[1], values[2], values[3], values[4]);
        return new JsonObject { ["state"] = TrophicLevelIndex.State(tli), ["tli"] = tli };
    }

    public static JsonObject CwqiItem(EvalInput input)
    {
        SurfaceWaterItem item = Item(input.String("item"));
        decimal value = input.Decimal("value");
        if (item == SurfaceWaterItem.DO && value <= 0m)
        {
            throw new EvalInputException("DO must be positive");
        }

        return new JsonObject { ["cwqi"] = EvalJson.Number(Cwqi.Item(item, value, Body(input))) };
    }

    public static JsonObject CwqiSection(EvalInput input) =>
        new() { ["cwqi"] = EvalJson.Number(SectionCwqi(input)) };

    public static JsonObject CwqiCity(EvalInput input)
    {
        decimal[] sections = [.. input.Array("sections").Select((node, i) => node switch
        {
            JsonObject section => SectionCwqi(new EvalInput(section)),
            _ => EvalInput.ToDecimal(node, $"sections[{i}]") ?? throw new EvalInputException($"'sections[{i}]' is null"),
        })];
        return new JsonObject { ["cwqi"] = EvalJson.Number(Cwqi.City(sections)), ["n"] = sections.Length };
    }

    private static decimal SectionCwqi(EvalInput input)
    {
        Dictionary<SurfaceWaterItem, decimal> sample = Sample(input);
        if (sample.TryGetValue(SurfaceWaterItem.DO, out decimal dissolvedOxygen) && dissolvedOxygen <= 0m)
        {
            throw new EvalInputException("DO must be positive");
        }

        return Cwqi.Section(sample, Body(input));
    }

    private static Dictionary<SurfaceWaterItem, decimal> Sample(EvalInput input)
    {
        Dictionary<SurfaceWaterItem, decimal> sample = [];
        foreach ((string name, JsonNode? node) in input.Object("sample"))
        {
            if (EvalInput.ToDecimal(node, name) is { } value)
            {
                sample[Item(name)] = value;
            }
        }

        return sample;
    }

    private static SurfaceWaterItem Item(string name) =>
        System.Array.IndexOf(ItemNames, name) is >= 0 and var index
            ? (SurfaceWaterItem)index
            : throw new EvalInputException($"unknown surface-water item '{name}'");

    private static WaterBody Body(EvalInput input) => input.Fields["waterbody"] is null ? WaterBody.River
        : input.String("waterbody") switch
        {
            "river" => WaterBody.River,
            "lake" => WaterBody.Lake,
            string other => throw new EvalInputException($"'waterbody' must be river or lake, not '{other}'"),
        };
}
