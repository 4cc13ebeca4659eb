using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace EcoMonitor.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as a Word document with the Open XML SDK: A4, 宋体 for Chinese text, tables
/// with single borders and a repeated header row, charts as inline PNG pictures. The result passes
/// <c>OpenXmlValidator</c> (tested). Thread-safe.
/// </summary>
public static class DocxRenderer
{
    private const long EmuPerPixel = 5715;   // 1200 px → 6.86 M EMU ≈ 19 cm wide, inside A4's text width

    /// <summary>The document's bytes.</summary>
    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(document.Title, 36, bold: true, JustificationValues.Center));
            body.Append(Paragraph(document.Subtitle, 24, bold: false, JustificationValues.Center));
            uint pictures = 0;
            foreach (ReportBlock block in document.Blocks)
            {
                switch (block)
                {
                    case ReportHeading heading:
                        body.Append(Paragraph(heading.Text, 28, bold: true, JustificationValues.Left));
                        break;
                    case ReportParagraph paragraph:
                        body.Append(Paragraph("\u3000\u3000" + paragraph.Text, 21, bold: false, JustificationValues.Both));
                        break;
                    case ReportTable table:
                        body.Append(Paragraph(table.Caption, 21, bold: true, JustificationValues.Center));
                        body.Append(Table(table));
                        break;
                    case ReportChart chart:
                        body.Append(Picture(main, chart, ++pictures));
                        break;
                    default:
                        throw new ArgumentException($"Unknown report block {block.GetType().Name}.", nameof(document));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1020U, Right = 1020U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, int halfPoints, bool bold, JustificationValues justification) =>
        new(new ParagraphProperties(new Justification { Val = justification }), TextRun(text, halfPoints, bold));

    private static Run TextRun(string text, int halfPoints, bool bold)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(ReportTable table)
    {
        var border = BorderValues.Single;
        var result = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = border, Size = 4U }, new LeftBorder { Val = border, Size = 4U },
                new BottomBorder { Val = border, Size = 4U }, new RightBorder { Val = border, Size = 4U },
                new InsideHorizontalBorder { Val = border, Size = 4U }, new InsideVerticalBorder { Val = border, Size = 4U }),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        var grid = new TableGrid();
        foreach (string _ in table.Header)
        {
            grid.Append(new GridColumn());
        }

        result.Append(grid);
        result.Append(Row(table.Header, isHeader: true));
        foreach (object?[] row in table.Rows)
        {
            result.Append(Row(row.Select(ReportTable.Text), isHeader: false));
        }

        return result;
    }

    private static TableRow Row(IEnumerable<string> cells, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (string text in cells)
        {
            row.Append(new TableCell(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), TextRun(text, 18, isHeader))));
        }

        return row;
    }

    private static Paragraph Picture(MainDocumentPart main, ReportChart chart, uint id)
    {
        ImagePart image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(chart.Png, writable: false))
        {
            image.FeedData(png);
        }

        string relationship = main.GetIdOfPart(image);
        long cx = ChartRenderer.Width * EmuPerPixel, cy = ChartRenderer.Height * EmuPerPixel;
        string name = "chart" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".png";
        var drawing = new Drawing(new Dw.Inline(
            new Dw.Extent { Cx = cx, Cy = cy },
            new Dw.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new Dw.DocProperties { Id = id, Name = chart.Title },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = name }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing));
    }
}
