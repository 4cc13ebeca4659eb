namespace EcoMonitor.Application.Reports;

/// <summary>The file formats a report is rendered in.</summary>
public enum ReportFormat
{
    /// <summary>Word (Office Open XML).</summary>
    Docx,

    /// <summary>Excel (Office Open XML), one sheet per table.</summary>
    Xlsx,

    /// <summary>PDF with embedded CJK font.</summary>
    Pdf,
}
