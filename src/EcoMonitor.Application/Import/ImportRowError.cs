namespace EcoMonitor.Application.Import;

/// <summary>Why one row (or one cell) of an import was not turned into an observation. The other rows are kept.</summary>
/// <param name="Line">
/// For CSV, the 1-based physical line (the header is line 1); for JSON, the 1-based position of the object in the
/// array (or the document line of a syntax error).
/// </param>
/// <param name="Column">The column or JSON property at fault, e.g. <c>period_start</c> or a station code; empty for the whole row.</param>
/// <param name="Reason">A sentence an operator can act on, in English.</param>
public sealed record ImportRowError(long Line, string Column, string Reason)
{
    /// <summary>One line for logs and the command line: <c>line 12, value: 'abc' is not a number</c>.</summary>
    public override string ToString() => Column.Length == 0 ? $"line {Line}: {Reason}" : $"line {Line}, {Column}: {Reason}";
}
