using MiniExcelLibs;

namespace EcoMonitor.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as an Excel workbook with MiniExcel: a first sheet 说明 with the title, the
/// subtitle and the text, then one sheet per table (its header as the first row, numbers as numbers, an empty cell
/// for "—"). Charts are not drawn: their tables are there. Thread-safe.
/// </summary>
public static class XlsxRenderer
{
    /// <summary>The name of the first sheet.</summary>
    public const string NotesSheet = "说明";

    /// <summary>The one column of <see cref="NotesSheet"/>.</summary>
    public const string NoteColumn = "内容";

    /// <summary>The workbook's bytes.</summary>
    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        List<Dictionary<string, object?>> notes = [Note(document.Title), Note(document.Subtitle)];
        notes.AddRange(document.Blocks.Select(b => b switch
        {
            ReportHeading h => Note(h.Text),
            ReportParagraph p => Note(p.Text),
            ReportTable t => Note($"{t.Caption}：见工作表“{t.SheetName}”"),
            ReportChart c => Note($"{c.Title}（图的数据见相应表）"),
            _ => throw new ArgumentException($"Unknown report block {b.GetType().Name}.", nameof(document)),
        }));
        sheets[NotesSheet] = notes;
        foreach (ReportTable table in document.Tables)
        {
            sheets[table.SheetName] = table.Rows.Select(row =>
            {
                var record = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (int c = 0; c < table.Header.Count; c++)
                {
                    record[table.Header[c]] = row[c];
                }

                return record;
            }).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Note(string text) => new(StringComparer.Ordinal) { [NoteColumn] = text };
}
