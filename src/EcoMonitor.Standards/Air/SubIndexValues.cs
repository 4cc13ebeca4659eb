using System.Runtime.CompilerServices;

namespace EcoMonitor.Standards.Air;

/// <summary>Inline storage of the seven sub-indices of an <see cref="AqiResult"/>; −1 means none.</summary>
[InlineArray(SubIndexCount)]
internal struct SubIndexValues
{
    public const int SubIndexCount = 7;

    private int _element;
}
