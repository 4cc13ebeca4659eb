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
    /// <remarks>One scalar pass per field finds its end, its first <c>=</c> and its first <c>-</c>.</remarks>
    public bool MoveNext()
    {
        ReadOnlySpan<byte> rest = _remaining;
        while (!rest.IsEmpty)
        {
            int group = _group;
            int equals = -1;
            int dash = -1;
            int end = 0;
            ReadOnlySpan<byte> classes = Hj212CpSyntax.Classes;
            byte kind = Hj212CpSyntax.Plain;
            for (; end < rest.Length; end++)
            {
                kind = classes[rest[end]];
                if (kind == Hj212CpSyntax.Plain)
                {
                    continue;
                }

                if (kind is Hj212CpSyntax.GroupSeparator or Hj212CpSyntax.FieldSeparator)
                {
                    break;
                }

                if (kind == Hj212CpSyntax.EqualsSign && equals < 0)
                {
                    equals = end;
                }
                else if (kind == Hj212CpSyntax.Dash && dash < 0 && equals < 0)
                {
                    dash = end;
                }
            }

            ReadOnlySpan<byte> field = rest[..end];
            if (end < rest.Length)
            {
                if (kind == Hj212CpSyntax.GroupSeparator)
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
