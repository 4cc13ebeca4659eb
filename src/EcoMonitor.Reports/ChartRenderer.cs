using ScottPlot;

namespace EcoMonitor.Reports;

/// <summary>
/// Draws a report's bar and line charts with ScottPlot (SkiaSharp) in a CJK font (<see cref="ReportOptions.ChartFontFamily"/>,
/// Noto Sans CJK SC from Debian's fonts-noto-cjk by default). Thread-safe: each call builds its own plot.
/// </summary>
public sealed class ChartRenderer(string fontFamily)
{
    /// <summary>Width of a chart image, pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of a chart image, pixels.</summary>
    public const int Height = 560;

    /// <summary>A bar chart of <paramref name="values"/> labelled <paramref name="labels"/>, as a block with its PNG.</summary>
    public ReportChart Bars(string title, string axisLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        var plot = new Plot();
        plot.Font.Set(fontFamily);
        var bars = new List<Bar>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            bars.Add(new Bar { Position = i, Value = values[i], FillColor = Colors.SteelBlue, LineWidth = 0 });
        }

        plot.Add.Bars(bars);
        Tick[] ticks = [.. labels.Select((label, i) => new Tick(i, label))];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = labels.Count > 12 ? 60 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = labels.Count > 12 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title, size: 30);
        plot.YLabel(axisLabel, size: 24);
        plot.Font.Set(fontFamily);
        plot.Axes.Bottom.TickLabelStyle.FontSize = labels.Count > 12 ? 18 : 22;
        plot.Axes.Left.TickLabelStyle.FontSize = 20;
        byte[] png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new ReportChart(title, labels, values, png);
    }

    /// <summary>
    /// A line of <paramref name="values"/> over <paramref name="labels"/> (a trend, e.g. by month), as a block with its
    /// PNG; a NaN value is a gap (no point is drawn for it).
    /// </summary>
    public ReportChart Line(string title, string axisLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        var plot = new Plot();
        plot.Font.Set(fontFamily);
        double[] xs = [.. Enumerable.Range(0, values.Count).Where(i => !double.IsNaN(values[i])).Select(i => (double)i)];
        double[] ys = [.. xs.Select(x => values[(int)x])];
        if (xs.Length > 0)
        {
            var line = plot.Add.Scatter(xs, ys, Colors.SteelBlue);
            line.LineWidth = 3;
            line.MarkerSize = 10;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. labels.Select((label, i) => new Tick(i, label))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.5, Math.Max(labels.Count, 1) - 0.5);
        plot.Title(title, size: 30);
        plot.YLabel(axisLabel, size: 24);
        plot.Font.Set(fontFamily);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 22;
        plot.Axes.Left.TickLabelStyle.FontSize = 20;
        byte[] png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new ReportChart(title, labels, values, png);
    }
}
