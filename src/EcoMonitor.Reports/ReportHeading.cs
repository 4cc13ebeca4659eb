namespace EcoMonitor.Reports;

/// <summary>A section heading (一、二、…).</summary>
/// <param name="Text">The heading.</param>
public sealed record ReportHeading(string Text) : ReportBlock
{
    internal override string HashText() => "H|" + Text;
}
