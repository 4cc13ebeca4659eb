using EcoMonitor.Reports;
using ScottPlot;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>
/// The report charts' city labels, checked by rendering with the real font: no two neighbouring labels overlap, however
/// long a name (延边朝鲜族自治州, 黔东南苗族侗族自治州) — measured on the laid-out plot, not assumed.
/// </summary>
[Trait("Area", "Reports")]
public sealed class ChartRendererTests
{
    private static readonly ChartRenderer Charts = new(new ReportOptions().ChartFontFamily);

    // Jilin's nine cities as the annual report names them.
    private static readonly string[] Jilin = ["长春市", "吉林市", "四平市", "辽源市", "通化市", "白山市", "松原市", "白城市", "延边朝鲜族自治州"];

    // Long names side by side.
    private static readonly string[] LongNames = ["黔东南苗族侗族自治州", "黔南布依族苗族自治州", "黔西南布依族苗族自治州", "阿坝藏族羌族自治州", "甘孜藏族自治州", "凉山彝族自治州", "延边朝鲜族自治州", "毕节市"];

    public static TheoryData<string[]> Cities => new()
    {
        Jilin,
        LongNames,
        // More than 12 bars: turned labels.
        Enumerable.Range(0, 21).Select(i => i % 3 == 0 ? "凉山彝族自治州" : "成都市").ToArray(),
    };

    [Theory]
    [MemberData(nameof(Cities))]
    public void BarLabels_NeverOverlapTheirNeighbours(string[] cities)
    {
        Plot plot = Charts.BarPlot("各城市优良天数比例（%）", "优良天数比例（%）", cities, [.. cities.Select((_, i) => 50.0 + i)]);
        plot.RenderInMemory(ChartRenderer.Width, ChartRenderer.Height);
        Tick[] ticks = [.. plot.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position)];
        Assert.Equal(cities.Length, ticks.Length);
        LabelStyle style = plot.Axes.Bottom.TickLabelStyle;
        double angle = style.Rotation * Math.PI / 180;
        for (int i = 1; i < ticks.Length; i++)
        {
            double gap = plot.GetPixel(new Coordinates(ticks[i].Position, 0)).X - plot.GetPixel(new Coordinates(ticks[i - 1].Position, 0)).X;
            if (style.Rotation == 0)
            {
                // Upright: the two labels, centred on their ticks, must not reach each other.
                float half = (ChartRenderer.Measure(ticks[i].Label, style) + ChartRenderer.Measure(ticks[i - 1].Label, style)) / 2;
                Assert.True(half < gap, $"'{ticks[i - 1].Label}' and '{ticks[i].Label}' overlap: {half:F0} px of text in {gap:F0} px");
            }
            else
            {
                // Turned: parallel lines of text, one line high, spaced gap × sin(angle) apart.
                Assert.True(style.FontSize * 1.2 < gap * Math.Sin(angle), $"turned labels {gap:F0} px apart overlap");
            }
        }

        Assert.NotEmpty(Charts.Bars("t", "y", cities, [.. cities.Select(_ => 1.0)]).Png);
    }
}
