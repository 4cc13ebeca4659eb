using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Cli.Hj212;

/// <summary>
/// Reads one JSON line of the <c>hj212 encode</c> input into a message: header from qn/st/cn/pw/mn/flag/pnum/pno (null
/// or absent = field omitted), CP from <c>cp</c> (groups of key/value pairs, verbatim) when given, otherwise from
/// <c>dataTime</c> and <c>values</c> (docs/cli.md). ok, error, crcValid and version are ignored.
/// </summary>
internal static class Hj212JsonReader
{
    public static bool TryRead(ReadOnlySpan<byte> line, [NotNullWhen(true)] out Hj212Message? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "expected a JSON object";
                return false;
            }

            message = new Hj212Message();
            AddHeader(message, root, "qn", "QN");
            AddHeader(message, root, "st", "ST");
            AddHeader(message, root, "cn", "CN");
            AddHeader(message, root, "pw", "PW");
            AddHeader(message, root, "mn", "MN");
            AddHeader(message, root, "flag", "Flag");
            AddHeader(message, root, "pnum", "PNUM");
            AddHeader(message, root, "pno", "PNO");
            if (root.TryGetProperty("cp", out JsonElement cp) && cp.ValueKind == JsonValueKind.Array)
            {
                AddVerbatimCp(message, cp);
            }
            else
            {
                AddValues(message, root);
            }

            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            message = null;
            problem = $"not a valid encode line: {ex.Message}";
            return false;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new InvalidOperationException($"expected a string or number, got {value.ValueKind}"),
    };

    private static void AddHeader(Hj212Message message, JsonElement root, string name, string key)
    {
        string? value = Text(root, name);
        if (value is not null)
        {
            message.SetHeader(key, value);
        }
    }

    private static void AddVerbatimCp(Hj212Message message, JsonElement cp)
    {
        foreach (JsonElement group in cp.EnumerateArray())
        {
            Hj212CpGroup cpGroup = new();
            foreach (JsonElement field in group.EnumerateArray())
            {
                cpGroup.Fields.Add(new Hj212TextField(
                    Text(field.GetProperty("key")) ?? string.Empty, Text(field.GetProperty("value")) ?? string.Empty));
            }

            message.Cp.Add(cpGroup);
        }
    }

    private static void AddValues(Hj212Message message, JsonElement root)
    {
        string? dataTime = Text(root, "dataTime");
        if (dataTime is not null)
        {
            message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", dataTime)]));
        }

        if (!root.TryGetProperty("values", out JsonElement values) || values.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        // Consecutive values of one code form one group; the code's flag closes the group (code-Flag=…).
        Hj212CpGroup? group = null;
        string? groupCode = null;
        string? groupFlag = null;
        foreach (JsonElement value in values.EnumerateArray())
        {
            string code = Text(value, "code") ?? string.Empty;
            if (group is null || !string.Equals(code, groupCode, StringComparison.Ordinal))
            {
                CloseGroup(message, group, groupCode, groupFlag);
                group = new Hj212CpGroup();
                groupCode = code;
                groupFlag = null;
            }

            group.Fields.Add(new Hj212TextField(
                string.Create(CultureInfo.InvariantCulture, $"{code}-{Text(value, "field")}"), Text(value, "value") ?? string.Empty));
            groupFlag ??= Text(value, "flag");
        }

        CloseGroup(message, group, groupCode, groupFlag);
    }

    private static void CloseGroup(Hj212Message message, Hj212CpGroup? group, string? code, string? flag)
    {
        if (group is null)
        {
            return;
        }

        if (flag is not null)
        {
            group.Fields.Add(new Hj212TextField($"{code}-Flag", flag));
        }

        message.Cp.Add(group);
    }
}
