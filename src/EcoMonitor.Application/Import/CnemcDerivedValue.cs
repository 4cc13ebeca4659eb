using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Import;

/// <summary>
/// A value of a CNEMC derived type (AQI, X_24h, O3_8h, O3_8h_24h…) as published: not an observation, exposed so
/// that the standards work can check its own AQI and moving means against the platform's.
/// </summary>
/// <param name="Line">1-based line of the file.</param>
/// <param name="Station">The station column.</param>
/// <param name="Type">The <c>type</c> cell as written, e.g. <c>PM2.5_24h</c>.</param>
/// <param name="Label">The published label: <c>date</c> + <c>hour</c> as a CST local time (hour H labels the end of the hour or window).</param>
/// <param name="LabelInstant">The label as an instant (<c>Label</c> at +08:00).</param>
/// <param name="Value">The value as published (AQI dimensionless; CO types in mg/m³; the others µg/m³).</param>
public sealed record CnemcDerivedValue(long Line, StationId Station, string Type, LocalDateTime Label, Instant LabelInstant, decimal Value);
