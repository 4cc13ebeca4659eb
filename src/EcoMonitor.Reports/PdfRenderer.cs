using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EcoMonitor.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as PDF with PDFsharp 6.2 (MIT): A4 portrait, the CJK font of
/// <see cref="ReportOptions.PdfFontFile"/> embedded as a subset (a TrueType-outline font: PDFsharp cannot subset CFF
/// outlines, ADR 0038), text as text (pdftotext reads it), tables drawn with a grid whose font shrinks to fit the page
/// width, the header row repeated after a page break. Thread-safe.
/// </summary>
public sealed class PdfRenderer
{
    private const double Margin = 48;
    private const double PageWidth = 595.28, PageHeight = 841.89;
    private const double Usable = PageWidth - (2 * Margin);
    private static readonly XPen Grid = new(XColor.FromArgb(120, 120, 120), 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(230, 236, 244));

    /// <summary>Uses the font file at <paramref name="fontFile"/> (see <see cref="PdfFontResolver.Install"/>).</summary>
    public PdfRenderer(string fontFile) => PdfFontResolver.Install(fontFile);

    /// <summary>The PDF's bytes.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance: constructing it installs the font (PdfFontResolver).")]
    public byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title + " " + document.Subtitle;
        pdf.Info.Creator = "EcoMonitor";
        var writer = new Writer(pdf);
        writer.Centered(document.Title, new XFont(PdfFontResolver.FaceName, 18, XFontStyleEx.Bold));
        writer.Centered(document.Subtitle, new XFont(PdfFontResolver.FaceName, 12));
        writer.Space(10);
        foreach (ReportBlock block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    writer.Space(6);
                    writer.Wrapped(heading.Text, new XFont(PdfFontResolver.FaceName, 13, XFontStyleEx.Bold), indent: false);
                    break;
                case ReportParagraph paragraph:
                    writer.Wrapped(paragraph.Text, new XFont(PdfFontResolver.FaceName, 10.5), indent: true);
                    break;
                case ReportTable table:
                    writer.Table(table);
                    break;
                case ReportChart chart:
                    writer.Image(chart.Png, ChartRenderer.Width, ChartRenderer.Height);
                    break;
                default:
                    throw new ArgumentException($"Unknown report block {block.GetType().Name}.", nameof(document));
            }
        }

        writer.Finish();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Lays blocks down pages, opening a new page when one is full. Owned by one <see cref="Render"/> call.</summary>
    private sealed class Writer(PdfDocument pdf)
    {
        private XGraphics? _graphics;
        private double _y = PageHeight;

        public void Centered(string text, XFont font)
        {
            double height = font.Size * 1.6;
            XGraphics g = Room(height);
            g.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Usable, height), XStringFormats.Center);
            _y += height;
        }

        public void Space(double points) => _y += points;

        public void Wrapped(string text, XFont font, bool indent)
        {
            double lineHeight = font.Size * 1.7;
            XGraphics measure = Room(lineHeight);
            string first = indent ? "\u3000\u3000" : "";
            foreach (string line in Lines(measure, first + text, font, Usable))
            {
                XGraphics g = Room(lineHeight);
                g.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + font.Size * 1.2));
                _y += lineHeight;
            }
        }

        public void Table(ReportTable table)
        {
            var captionFont = new XFont(PdfFontResolver.FaceName, 10.5, XFontStyleEx.Bold);
            Space(4);
            Centered(table.Caption, captionFont);
            string[][] cells = [[.. table.Header], .. table.Rows.Select(r => r.Select(ReportTable.Text).ToArray())];
            XGraphics g = Room(20);
            double size = 9;
            double[] widths = Widths(g, cells, size);
            double total = widths.Sum();
            if (total > Usable)
            {
                size = Math.Max(5, size * Usable / total);
                widths = Widths(g, cells, size);
                total = widths.Sum();
            }

            double scale = Usable / total;
            widths = [.. widths.Select(w => w * scale)];
            var font = new XFont(PdfFontResolver.FaceName, size);
            var headerFont = new XFont(PdfFontResolver.FaceName, size, XFontStyleEx.Bold);
            double rowHeight = size * 1.9;
            Row(cells[0], widths, headerFont, rowHeight, isHeader: true);
            for (int i = 1; i < cells.Length; i++)
            {
                if (_y + rowHeight > PageHeight - Margin)
                {
                    NewPage();
                    Row(cells[0], widths, headerFont, rowHeight, isHeader: true);
                }

                Row(cells[i], widths, font, rowHeight, isHeader: false);
            }

            Space(8);
        }

        public void Image(byte[] png, int pixelWidth, int pixelHeight)
        {
            double height = Usable * pixelHeight / pixelWidth;
            XGraphics g = Room(height);
            using var stream = new MemoryStream(png, writable: false);
            using var image = XImage.FromStream(stream);
            g.DrawImage(image, Margin, _y, Usable, height);
            _y += height + 8;
        }

        public void Finish() => _graphics?.Dispose();

        private void Row(string[] row, double[] widths, XFont font, double height, bool isHeader)
        {
            XGraphics g = Room(height);
            double x = Margin;
            for (int c = 0; c < row.Length; c++)
            {
                var cell = new XRect(x, _y, widths[c], height);
                if (isHeader)
                {
                    g.DrawRectangle(HeaderFill, cell);
                }

                g.DrawRectangle(Grid, cell);
                g.DrawString(row[c], font, XBrushes.Black, cell, XStringFormats.Center);
                x += widths[c];
            }

            _y += height;
        }

        private static double[] Widths(XGraphics g, string[][] cells, double size)
        {
            var font = new XFont(PdfFontResolver.FaceName, size, XFontStyleEx.Bold);
            double[] widths = new double[cells[0].Length];
            foreach (string[] row in cells)
            {
                for (int c = 0; c < row.Length; c++)
                {
                    widths[c] = Math.Max(widths[c], g.MeasureString(row[c], font).Width + (size * 1.2));
                }
            }

            return widths;
        }

        private static IEnumerable<string> Lines(XGraphics g, string text, XFont font, double width)
        {
            int start = 0;
            while (start < text.Length)
            {
                int end = start + 1;
                while (end < text.Length && g.MeasureString(text[start..(end + 1)], font).Width <= width)
                {
                    end++;
                }

                yield return text[start..end];
                start = end;
            }
        }

        private XGraphics Room(double height)
        {
            if (_graphics is null || _y + height > PageHeight - Margin)
            {
                NewPage();
            }

            return _graphics!;
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            PdfPage page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
        }
    }
}
