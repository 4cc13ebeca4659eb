using System.Text;

namespace EcoMonitor.Reports;

/// <summary>
/// A table: a caption, a header row and rows of cells. A cell is a string, an <see cref="int"/>, a <see cref="decimal"/>
/// (written as a number in the workbook, as its invariant text elsewhere) or null (shown as "—"). Every row has as many
/// cells as the header.
/// </summary>
/// <param name="Caption">The table's caption (表1 …), also the workbook sheet's title row.</param>
/// <param name="SheetName">The workbook sheet's name (at most 31 characters, unique in the document).</param>
/// <param name="Header">Column headings (unique).</param>
/// <param name="Rows">The rows.</param>
public sealed record ReportTable(string Caption, string SheetName, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows) : ReportBlock
{
    /// <summary>What an empty cell shows.</summary>
    public const string Empty = "—";

    /// <summary>The text of a cell in DOCX and PDF.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => Empty,
        string s => s,
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A report cell is a string, int, decimal or null, not {cell.GetType().Name}.", nameof(cell)),
    };

    internal override string HashText()
    {
        var text = new StringBuilder("T|").Append(Caption).Append('|').AppendJoin('\t', Header);
        foreach (object?[] row in Rows)
        {
            text.Append('\n').AppendJoin('\t', row.Select(Text));
        }

        return text.ToString();
    }
}
