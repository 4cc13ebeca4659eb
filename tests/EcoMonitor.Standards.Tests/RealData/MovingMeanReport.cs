using System.Globalization;
using System.Text;

namespace EcoMonitor.Standards.Tests.RealData;

/// <summary>
/// Published moving means against ours, by window kind: exact equality and equality within one unit of the last
/// reported digit (the platform averages unrounded hourly values, the file holds rounded ones).
/// </summary>
public sealed class MovingMeanReport(string name)
{
    private readonly SortedDictionary<string, CheckReport> _byKind = new(StringComparer.Ordinal);

    private readonly SortedDictionary<string, long> _withinOne = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public CheckReport Kind(string kind) => _byKind[kind];

    public double WithinOneRate(string kind) => (double)_withinOne.GetValueOrDefault(kind) / _byKind[kind].Compared;

    public void Add(string kind, decimal? ours, decimal published, decimal unit, Func<string> example)
    {
        if (!_byKind.TryGetValue(kind, out CheckReport? report))
        {
            report = new CheckReport(kind);
            _byKind[kind] = report;
        }

        if (ours is { } value && Math.Abs(value - published) <= unit)
        {
            _withinOne[kind] = _withinOne.GetValueOrDefault(kind) + 1;
        }

        if (ours == published)
        {
            report.Match();
            return;
        }

        string difference = ours is { } o ? Math.Abs(o - published) <= unit ? "differs by one unit" : "differs by more than one unit"
            : "we hold the window invalid";
        report.Mismatch(difference, example);
    }

    public string ToMarkdown()
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"## {Name}\n\n");
        foreach ((string kind, CheckReport report) in _byKind)
        {
            text.Append(CultureInfo.InvariantCulture, $"within one unit: {WithinOneRate(kind) * 100:F3} %\n");
            text.Append(report.ToMarkdown()).Append('\n');
        }

        return text.ToString();
    }
}
