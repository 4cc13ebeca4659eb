using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoMonitor.Protocol.Hj212;
using NodaTime;

namespace EcoMonitor.Cli.Hj212;

/// <summary>Writes one decoded frame as the JSON object of the <c>hj212 decode</c> contract (docs/cli.md).</summary>
internal static class Hj212JsonWriter
{
    public static void WriteDecoded(Utf8JsonWriter json, Hj212ParseResult result, Encoding textEncoding)
    {
        Hj212Frame frame = result.Frame;
        bool crcChecked = result.Error is not (Hj212Error.MissingHeader or Hj212Error.BadLength or Hj212Error.FrameTooLong
            or Hj212Error.Truncated or Hj212Error.MissingTrailer or Hj212Error.BadCrcText);
        json.WriteStartObject();
        json.WriteBoolean("ok", result.IsSuccess);
        WriteString(json, "error", result.IsSuccess ? null : result.Error.ToString());
        WriteBoolean(json, "crcValid", crcChecked ? frame.HasValidCrc : null);
        WriteString(json, "version", frame.IsHeaderComplete ? VersionName(frame.Version) : null);
        WriteText(json, "qn", frame.Qn, textEncoding);
        WriteText(json, "st", frame.St, textEncoding);
        WriteText(json, "cn", frame.Cn, textEncoding);
        WriteText(json, "pw", frame.Pw, textEncoding);
        WriteText(json, "mn", frame.Mn, textEncoding);
        WriteNumber(json, "flag", frame.Flag >= 0 ? frame.Flag : null);
        WriteNumber(json, "pnum", frame.PacketCount > 0 ? frame.PacketCount : null);
        WriteNumber(json, "pno", frame.PacketNumber > 0 ? frame.PacketNumber : null);
        WriteString(json, "dataTime", frame.TryGetDataTime(out LocalDateTime dataTime)
            ? dataTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            : null);
        json.WriteStartArray("values");
        WriteValues(json, frame, textEncoding);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string VersionName(Hj212Version version) => version switch
    {
        Hj212Version.Hj2005 => "2005",
        Hj212Version.Hj2017 => "2017",
        Hj212Version.Hj2025 => "2025",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown HJ 212 version."),
    };

    private static void WriteValues(Utf8JsonWriter json, Hj212Frame frame, Encoding textEncoding)
    {
        List<(int Group, string Code, string Field, string Value)> fields = [];
        foreach (Hj212CpField field in frame.EnumerateCp())
        {
            if (!field.Code.IsEmpty)
            {
                fields.Add((field.GroupIndex, textEncoding.GetString(field.Code), textEncoding.GetString(field.Field), textEncoding.GetString(field.Value)));
            }
        }

        foreach ((int group, string code, string name, string value) in fields)
        {
            if (string.Equals(name, "Flag", StringComparison.Ordinal))
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("code", code);
            json.WriteString("field", name);
            json.WriteString("value", value);
            WriteString(json, "flag", FindFlag(fields, group, code));
            json.WriteEndObject();
        }
    }

    private static string? FindFlag(List<(int Group, string Code, string Field, string Value)> fields, int group, string code)
    {
        foreach ((int g, string c, string name, string value) in fields)
        {
            if (g == group && string.Equals(c, code, StringComparison.Ordinal) && string.Equals(name, "Flag", StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static void WriteText(Utf8JsonWriter json, string name, ReadOnlySpan<byte> value, Encoding textEncoding) =>
        WriteString(json, name, value.IsEmpty ? null : textEncoding.GetString(value));

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteBoolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is bool b)
        {
            json.WriteBoolean(name, b);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
