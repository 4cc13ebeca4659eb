namespace EcoMonitor.Reports;

/// <summary>One part of a <see cref="ReportDocument"/>, rendered in order by every format.</summary>
public abstract record ReportBlock
{
    /// <summary>The text this block contributes to the document's data hash (what it shows, not how).</summary>
    internal abstract string HashText();
}
