namespace EcoMonitor.Protocol.Hj212;

/// <summary>Allocation-free enumerator over the fields of a CP (see <see cref="Hj212Frame.EnumerateCp"/>). Empty fields are skipped.</summary>
public ref struct Hj212CpEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private int _group;
    private Hj212CpField _current;

    internal Hj212CpEnumerator(ReadOnlySpan<byte> cp)
    {
        _remaining = cp;
    }

    /// <summary>The current field.</summary>
    public readonly Hj212CpField Current => _current;

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly Hj212CpEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next non-empty field.</summary>
    public bool MoveNext()
    {
        ReadOnlySpan<byte> rest = _remaining;
        while (!rest.IsEmpty)
        {
            int group = _group;
            int end = Hj212CpSyntax.NextField(rest, 0, out int equals, out int dash);
            ReadOnlySpan<byte> field = rest[..end];
            if (end < rest.Length)
            {
                if (rest[end] == (byte)';')
                {
                    _group++;
                }

                rest = rest[(end + 1)..];
            }
            else
            {
                rest = default;
            }

            if (field.IsEmpty)
            {
                continue;
            }

            _remaining = rest;
            _current = equals < 0
                ? new Hj212CpField(field, default, dash, group)
                : new Hj212CpField(field[..equals], field[(equals + 1)..], dash, group);
            return true;
        }

        _remaining = default;
        return false;
    }
}
