using System.Globalization;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>
/// Cells of the CSV downloads. A text cell is data from outside (station names, codes, words) and may be read by a
/// spreadsheet program as a formula when it starts with <c>= + - @</c>, a tab, a carriage return or a line feed
/// (CSV or formula injection, CWE-1236): such a cell is neutralised as the OWASP "CSV Injection" page recommends —
/// a single quote is put before it and the cell is quoted, inner quotes doubled (RFC 4180) — so that the program shows
/// it as text. The full-width forms of those four signs (U+FF1D, U+FF0B, U+FF0D, U+FF20) are neutralised too, out of
/// caution for spreadsheet programs with East Asian input handling. A number cell is written by us from a decimal
/// and stays a number: <c>-1.5</c> is <c>-1.5</c>, never <c>'-1.5</c>. Other text cells are quoted only when they hold a
/// comma, quote or line break (RFC 4180).
/// </summary>
internal static class CsvCell
{
    private const string FormulaStarts = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    /// <summary>A text cell (empty for null), neutralised when a spreadsheet could take it for a formula.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (FormulaStarts.Contains(value[0], StringComparison.Ordinal))
        {
            return "\"'" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A number cell in invariant culture (empty for null); never neutralised.</summary>
    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A whole-number cell in invariant culture (empty for null); never neutralised.</summary>
    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
