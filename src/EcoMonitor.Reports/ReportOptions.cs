using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Reports;

/// <summary>Report documents: fonts and the schedule (docs/reports.md). Section <c>Reports</c>.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>The CJK font embedded in PDFs: a TrueType-outline font (PDFsharp subsets only those), a .ttf or a .ttc (face 0). Debian: fonts-wqy-microhei.</summary>
    [Required]
    public string PdfFontFile { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>The font family of chart text (through fontconfig). Debian: fonts-noto-cjk.</summary>
    [Required]
    public string ChartFontFamily { get; set; } = "Noto Sans CJK SC";

    /// <summary>The regions (provinces or cities) the schedule reports on; empty: every province with an air-quality station.</summary>
    public IList<string> Regions { get; } = [];

    /// <summary>Generate scheduled reports at all.</summary>
    public bool IsScheduleEnabled { get; set; } = true;

    /// <summary>Time of day (CST) after which the daily bulletin of the day before is generated.</summary>
    public TimeSpan DailyBulletinTime { get; set; } = TimeSpan.FromHours(9);

    /// <summary>Day of the month on which the monthly report of the month before is generated.</summary>
    [Range(1, 28)]
    public int MonthlyReportDay { get; set; } = 3;

    /// <summary>Time of day (CST) on <see cref="MonthlyReportDay"/> after which the monthly report is generated.</summary>
    public TimeSpan MonthlyReportTime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Day of January on which the annual report of the year before is generated (the 20th: most data of December reviewed by then).</summary>
    [Range(1, 31)]
    public int AnnualReportDay { get; set; } = 20;

    /// <summary>Time of day (CST) on <see cref="AnnualReportDay"/> after which the annual report is generated.</summary>
    public TimeSpan AnnualReportTime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How many of the newest archived reports of each kind the schedule keeps checking for revised data (regenerated as
    /// a new version when their numbers changed, ADR 0038); 0 turns the check off.
    /// </summary>
    [Range(0, 1000)]
    public int RevisionDepth { get; set; } = 100;

    /// <summary>How many archived reports one run of the schedule rebuilds to compare (a bound on the work of a slot).</summary>
    [Range(1, 1000)]
    public int RevisionChecksPerRun { get; set; } = 20;

    /// <summary>How often the schedule looks whether a report is due (one claimed slot per interval across the nodes).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}
