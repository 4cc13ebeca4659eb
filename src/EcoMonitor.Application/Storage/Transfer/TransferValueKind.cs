namespace EcoMonitor.Application.Storage.Transfer;

/// <summary>The CLR value a column of the neutral transfer layout holds (<see cref="TransferTables"/>); null when empty.</summary>
public enum TransferValueKind
{
    /// <summary><see cref="string"/>.</summary>
    Text,

    /// <summary><see cref="short"/>.</summary>
    Whole16,

    /// <summary><see cref="int"/>.</summary>
    Whole32,

    /// <summary><see cref="long"/>.</summary>
    Whole64,

    /// <summary><see cref="double"/>.</summary>
    Real,

    /// <summary><see cref="decimal"/> (exact; concentrations, limits).</summary>
    Exact,

    /// <summary><see cref="bool"/>.</summary>
    Boolean,

    /// <summary>An instant: <see cref="DateTime"/> of kind UTC, whole milliseconds.</summary>
    Instant,

    /// <summary>A day of China Standard Time: <see cref="DateOnly"/>.</summary>
    Day,

    /// <summary>a byte array.</summary>
    Bytes,
}
