namespace EcoMonitor.Reports;

/// <summary>A paragraph of running text.</summary>
/// <param name="Text">The paragraph (Chinese; numbers already formatted).</param>
public sealed record ReportParagraph(string Text) : ReportBlock
{
    internal override string HashText() => "P|" + Text;
}
