namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// One <c>key=value</c> field of CP (HJ 212-2017 §6.3.3: groups separated by <c>;</c>, fields by <c>,</c>). For a
/// pollutant field such as <c>a34004-Avg=14</c>, <see cref="Code"/> is <c>a34004</c> and <see cref="Field"/> <c>Avg</c>;
/// for a plain key such as <c>DataTime</c> both are empty. Spans into the frame.
/// </summary>
public readonly ref struct Hj212CpField
{
    internal Hj212CpField(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, int dash, int groupIndex)
    {
        Key = key;
        Value = value;
        GroupIndex = groupIndex;
        if (dash > 0)
        {
            Code = key[..dash];
            Field = key[(dash + 1)..];
        }
    }

    /// <summary>The whole key, e.g. <c>a34004-Avg</c> or <c>DataTime</c>.</summary>
    public ReadOnlySpan<byte> Key { get; }

    /// <summary>The value exactly as transmitted.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>The pollutant or equipment code before the first <c>-</c>; empty for plain keys.</summary>
    public ReadOnlySpan<byte> Code { get; }

    /// <summary>The field name after the first <c>-</c> (Rtd, Avg, Min, Max, Cou, ZsRtd, Flag, EFlag, SampleTime, RS, RT, Info…); empty for plain keys.</summary>
    public ReadOnlySpan<byte> Field { get; }

    /// <summary>0-based index of the <c>;</c>-separated group the field belongs to.</summary>
    public int GroupIndex { get; }
}
