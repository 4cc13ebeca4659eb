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

    /// <summary>
    /// A bar chart of <paramref name="values"/> labelled <paramref name="labels"/>, as a block with its PNG. Labels never
    /// overlap: up to 12 bars a label wider than its bar's slot is wrapped onto more lines (long names such as
    /// 延边朝鲜族自治州), beyond 12 they are turned by 60°.
    /// </summary>
    public ReportChart Bars(string title, string axisLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        byte[] png = BarPlot(title, axisLabel, labels, values).GetImageBytes(Width, Height, ImageFormat.Png);
        return new ReportChart(title, labels, values, png);
    }

    /// <summary>The plot <see cref="Bars"/> draws, its tick labels laid out for <see cref="Width"/> × <see cref="Height"/>.</summary>
    internal Plot BarPlot(string title, string axisLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values)
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
        bool turned = labels.Count > 12;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. labels.Select((label, i) => new Tick(i, label))]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = turned ? 60 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = turned ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title, size: 30);
        plot.YLabel(axisLabel, size: 24);
        plot.Font.Set(fontFamily);
        plot.Axes.Bottom.TickLabelStyle.FontSize = turned ? 18 : 22;
        plot.Axes.Left.TickLabelStyle.FontSize = 20;
        if (!turned && labels.Count > 0)
        {
            plot.RenderInMemory(Width, Height);
            float slot = (float)plot.LastRender.PxPerUnitX * 0.92f;
            LabelStyle style = plot.Axes.Bottom.TickLabelStyle;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. labels.Select((label, i) => new Tick(i, Fit(label, slot, style)))]);
        }

        return plot;
    }

    /// <summary><paramref name="label"/> as is when it fits <paramref name="width"/> pixels, else wrapped into the fewest lines of equal length that fit.</summary>
    private static string Fit(string label, float width, LabelStyle style)
    {
        for (int perLine = label.Length; perLine > 1; perLine--)
        {
            string text = string.Join('\n', label.Chunk(perLine).Select(c => new string(c)));
            if (Measure(text, style) <= width)
            {
                return text;
            }
        }

        return string.Join('\n', label.ToCharArray());
    }

    /// <summary>The width in pixels of <paramref name="text"/> drawn in <paramref name="style"/>.</summary>
    internal static float Measure(string text, LabelStyle style)
    {
        using var paint = Paint.NewDisposablePaint();
        string kept = style.Text;
        style.Text = text;
        float width = style.Measure(paint).Width;
        style.Text = kept;
        return width;
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
