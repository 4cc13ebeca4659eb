using System.Globalization;
using System.Text;

namespace EcoMonitor.Standards.Tests.RealData;

/// <summary>Outcome of comparing one published series with ours: counts and mismatches by kind with examples.</summary>
public sealed class CheckReport(string name)
{
    private const int ExamplesPerKind = 4;

    private readonly SortedDictionary<string, (long Count, List<string> Examples)> _kinds = new(StringComparer.Ordinal);

    private readonly SortedDictionary<string, SortedSet<string>> _groups = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public long Compared { get; private set; }

    public long Matched { get; private set; }

    public double Rate => Compared == 0 ? 0 : (double)Matched / Compared;

    public IEnumerable<KeyValuePair<string, long>> Kinds =>
        _kinds.Select(k => new KeyValuePair<string, long>(k.Key, k.Value.Count));

    public void Match()
    {
        Compared++;
        Matched++;
    }

    public void Mismatch(string kind, string example) => Mismatch(kind, () => example);

    /// <summary>A mismatch that also records its group (e.g. the hour label), to tell isolated cases from whole blocks.</summary>
    public void Mismatch(string kind, string group, string example)
    {
        Mismatch(kind, () => example);
        if (!_groups.TryGetValue(kind, out SortedSet<string>? groups))
        {
            groups = new SortedSet<string>(StringComparer.Ordinal);
            _groups[kind] = groups;
        }

        groups.Add(group);
    }

    public void Mismatch(string kind, Func<string> example)
    {
        Compared++;
        (long count, List<string> examples) = _kinds.TryGetValue(kind, out var entry) ? entry : (0, []);
        if (examples.Count < ExamplesPerKind)
        {
            examples.Add(example());
        }

        _kinds[kind] = (count + 1, examples);
    }

    public string ToMarkdown()
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture,
            $"### {Name}: {Matched:N0} of {Compared:N0} equal ({Rate * 100:F4} %)\n\n");
        foreach ((string kind, (long count, List<string> examples)) in _kinds)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {kind}: {count:N0}");
            if (_groups.TryGetValue(kind, out SortedSet<string>? groups))
            {
                text.Append(CultureInfo.InvariantCulture, $" (in {groups.Count} hour(s): {string.Join(", ", groups.Take(5))})");
            }

            text.Append('\n');
            foreach (string example in examples)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {example}\n");
            }
        }

        return text.ToString();
    }
}
