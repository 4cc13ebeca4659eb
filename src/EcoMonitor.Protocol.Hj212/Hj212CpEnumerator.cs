namespace EcoMonitor.Protocol.Hj212;

/// <summary>Allocation-free enumerator over the fields of a CP (see <see cref="Hj212Frame.EnumerateCp"/>). Empty fields are skipped.</summary>
public ref struct Hj212CpEnumerator
{
    private readonly ReadOnlySpan<byte> _cp;
    private Hj212CpCursor _cursor;
    private int _offset;
    private int _group;
    private Hj212CpField _current;

    internal Hj212CpEnumerator(ReadOnlySpan<byte> cp)
    {
        _cp = cp;
        _cursor = new Hj212CpCursor(cp);
    }

    /// <summary>The current field.</summary>
    public readonly Hj212CpField Current => _current;

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly Hj212CpEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next non-empty field.</summary>
    public bool MoveNext()
    {
        while (_offset < _cp.Length)
        {
            int start = _offset;
            int group = _group;
            int end = _cursor.NextField(start, out int equals, out int dash);
            if (end < _cp.Length && _cp[end] == (byte)';')
            {
                _group++;
            }

            _offset = end + 1;
            if (end == start)
            {
                continue;
            }

            ReadOnlySpan<byte> field = _cp[start..end];
            _current = equals < 0
                ? new Hj212CpField(field, default, dash < 0 ? -1 : dash - start, group)
                : new Hj212CpField(field[..(equals - start)], field[(equals - start + 1)..], dash < 0 ? -1 : dash - start, group);
            return true;
        }

        return false;
    }
}
