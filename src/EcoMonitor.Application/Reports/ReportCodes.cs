namespace EcoMonitor.Application.Reports;

/// <summary>
/// The text codes of <see cref="ReportKind"/> and <see cref="ReportFormat"/> shared by the stores, the API and the file
/// names (stable: archived rows carry them), and each format's content type and file extension.
/// </summary>
public static class ReportCodes
{
    /// <summary>The code of a kind: <c>daily-bulletin</c>, <c>monthly-air</c>, <c>annual-air</c>, <c>monthly-water</c>.</summary>
    public static string Of(ReportKind kind) => kind switch
    {
        ReportKind.DailyBulletin => "daily-bulletin",
        ReportKind.MonthlyAir => "monthly-air",
        ReportKind.AnnualAir => "annual-air",
        ReportKind.MonthlyWater => "monthly-water",
    };

    /// <summary>The code of a format (its file extension): <c>docx</c>, <c>xlsx</c>, <c>pdf</c>.</summary>
    public static string Of(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "docx",
        ReportFormat.Xlsx => "xlsx",
        ReportFormat.Pdf => "pdf",
    };

    /// <summary>The media type a download is served with.</summary>
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Pdf => "application/pdf",
    };

    /// <summary>Parses a kind code (ordinal, lower case).</summary>
    public static bool TryParseKind(string? code, out ReportKind kind)
    {
        foreach (ReportKind candidate in Enum.GetValues<ReportKind>())
        {
            if (string.Equals(code, Of(candidate), StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a format code (ordinal, lower case).</summary>
    public static bool TryParseFormat(string? code, out ReportFormat format)
    {
        foreach (ReportFormat candidate in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(code, Of(candidate), StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The kind of a stored code; throws on a code no version wrote (a broken row).</summary>
    public static ReportKind ParseKind(string code) =>
        TryParseKind(code, out ReportKind kind) ? kind : throw new InvalidDataException($"Unknown report kind '{code}' in the archive.");

    /// <summary>The format of a stored code; throws on a code no version wrote (a broken row).</summary>
    public static ReportFormat ParseFormat(string code) =>
        TryParseFormat(code, out ReportFormat format) ? format : throw new InvalidDataException($"Unknown report format '{code}' in the archive.");

    /// <summary>True when <paramref name="kind"/> is published to the public (downloadable on the portal without signing in).</summary>
    public static bool IsPublic(ReportKind kind) => kind switch
    {
        ReportKind.DailyBulletin => true,
        ReportKind.MonthlyAir => true,
        ReportKind.AnnualAir => true,
        ReportKind.MonthlyWater => true,
    };
}
