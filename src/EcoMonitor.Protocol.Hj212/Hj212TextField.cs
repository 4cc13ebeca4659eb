namespace EcoMonitor.Protocol.Hj212;

/// <summary>One <c>key=value</c> pair of an <see cref="Hj212Message"/>, text exactly as transmitted.</summary>
/// <param name="Key">The key, e.g. <c>QN</c>, <c>DataTime</c> or <c>a34004-Avg</c>.</param>
/// <param name="Value">The value as transmitted (numbers are not reformatted).</param>
public readonly record struct Hj212TextField(string Key, string Value);
