namespace EcoMonitor.Reports;

/// <summary>
/// A bar chart drawn from numbers a table of the same document shows (every chart has its table), rendered once to PNG
/// (<see cref="ChartRenderer"/>) and placed in the DOCX and PDF; the workbook carries the table.
/// </summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Labels">One label per bar.</param>
/// <param name="Values">One value per bar.</param>
/// <param name="Png">The rendered image.</param>
public sealed record ReportChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, byte[] Png) : ReportBlock
{
    internal override string HashText() => "C|" + Title;
}
