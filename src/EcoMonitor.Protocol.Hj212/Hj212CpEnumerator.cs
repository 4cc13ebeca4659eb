namespace EcoMonitor.Protocol.Hj212;

/// <summary>Allocation-free enumerator over the fields of a CP (see <see cref="Hj212Frame.EnumerateCp"/>). Empty fields are skipped.</summary>
public ref struct Hj212CpEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private int _group;
    private bool _done;
    private Hj212CpField _current;

    internal Hj212CpEnumerator(ReadOnlySpan<byte> cp)
    {
        _remaining = cp;
        _done = cp.IsEmpty;
    }

    /// <summary>The current field.</summary>
    public readonly Hj212CpField Current => _current;

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly Hj212CpEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next non-empty field.</summary>
    public bool MoveNext()
    {
        while (!_done)
        {
            int group = _group;
            int end = _remaining.IndexOfAny((byte)';', (byte)',');
            ReadOnlySpan<byte> field;
            if (end < 0)
            {
                field = _remaining;
                _remaining = default;
                _done = true;
            }
            else
            {
                field = _remaining[..end];
                if (_remaining[end] == (byte)';')
                {
                    _group++;
                }

                _remaining = _remaining[(end + 1)..];
            }

            if (field.IsEmpty)
            {
                continue;
            }

            int eq = field.IndexOf((byte)'=');
            _current = eq < 0
                ? new Hj212CpField(field, default, group)
                : new Hj212CpField(field[..eq], field[(eq + 1)..], group);
            return true;
        }

        return false;
    }
}
