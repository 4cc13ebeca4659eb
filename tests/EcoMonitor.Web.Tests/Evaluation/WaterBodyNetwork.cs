using System.Globalization;
using System.Net;
using System.Text;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// A host with ten hand-made surface-water sections in 广西 (450100, where the sample has none) and one day of values,
/// 10 July 2025, evaluated: basin 测试甲流域 (five river sections of class II, III, III, IV, 劣V), basin 测试乙流域 (the
/// river 测试河: two sections, III and V), the lake 测试湖 (two points with all five trophic items) and the reservoir 测试库
/// (one point without chlorophyll a and transparency). The figures they make are worked by hand in the tests.
/// </summary>
public sealed class WaterBodyNetwork : IAsyncLifetime
{
    /// <summary>The period and region of the network's figures.</summary>
    public const string Query = "period=2025-07&within=450000";

    // mn, basin, river, water body, CODMn, NH3-N, TP (rivers) — classes II, III, III, IV, 劣V in 甲; III and V in 乙.
    private static readonly (string Mn, string Basin, string? River, decimal CodMn, decimal Nh3n, decimal Tp)[] Rivers =
    [
        ("WBA1", "测试甲流域", null, 3m, 0.3m, 0.05m), ("WBA2", "测试甲流域", null, 5m, 0.3m, 0.05m),
        ("WBA3", "测试甲流域", null, 3m, 0.8m, 0.05m), ("WBA4", "测试甲流域", null, 3m, 1.2m, 0.25m),
        ("WBA5", "测试甲流域", null, 3m, 2.5m, 0.3m),
        ("WBB1", "测试乙流域", "测试河", 3m, 0.3m, 0.15m), ("WBB2", "测试乙流域", "测试河", 5m, 0.9m, 0.35m),
    ];

    /// <summary>The host.</summary>
    public ApiFactory Api { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        StringBuilder stations = new("[");
        StringBuilder rows = new("station,parameter,interval,period_start,value,flag\n");
        foreach ((string mn, string basin, string? river, decimal codMn, decimal nh3n, decimal tp) in Rivers)
        {
            string name = river is null ? string.Empty : $$"""
                ,"waterBodyName":"{{river}}"
                """;
            stations.Append(CultureInfo.InvariantCulture, $$"""{"mn":"{{mn}}","name":"{{mn}}断面","type":"surfaceWater","waterBody":"river","basin":"{{basin}}"{{name}},"region":"450100","password":"123456"},""");
            Row(rows, mn, "w01019", codMn);
            Row(rows, mn, "w21003", nh3n);
            Row(rows, mn, "w21011", tp);
        }

        // 测试湖: two points; 测试库: one point without chlorophyll a and transparency.
        stations.Append("""
            {"mn":"WBL1","name":"湖心一","type":"surfaceWater","waterBody":"lake","waterBodyName":"测试湖","region":"450100","password":"123456"},
            {"mn":"WBL2","name":"湖心二","type":"surfaceWater","waterBody":"lake","waterBodyName":"测试湖","region":"450100","password":"123456"},
            {"mn":"WBR1","name":"坝前","type":"surfaceWater","waterBody":"reservoir","waterBodyName":"测试库","region":"450100","password":"123456"}]
            """);
        foreach ((string mn, decimal chla, decimal tp, decimal tn, decimal sd, decimal codMn) in new[] { ("WBL1", 10m, 0.05m, 1.0m, 1.0m, 4m), ("WBL2", 20m, 0.07m, 1.4m, 0.6m, 6m) })
        {
            Row(rows, mn, "w01016", chla);
            Row(rows, mn, "w21011", tp);
            Row(rows, mn, "w21001", tn);
            Row(rows, mn, "w01004", sd);
            Row(rows, mn, "w01019", codMn);
        }

        Row(rows, "WBR1", "w21011", 0.02m);
        Row(rows, "WBR1", "w21001", 0.4m);
        Row(rows, "WBR1", "w01019", 2m);

        using HttpResponseMessage registered = await Api.RegisterStationAsync(stations.ToString());
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(Ct));
        using HttpResponseMessage imported = await Api.ImportAsync(rows.ToString(), "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        foreach (string mn in Rivers.Select(r => r.Mn).Concat(["WBL1", "WBL2", "WBR1"]))
        {
            await Api.WaitForJsonAsync($"/api/v1/stations/{mn}/water?interval=day&from=2025-07-10&to=2025-07-11", days => days.GetArrayLength() == 1);
        }
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private static void Row(StringBuilder rows, string mn, string parameter, decimal value) =>
        rows.Append(CultureInfo.InvariantCulture, $"{mn},{parameter},hour,2025-07-10 08:00,{value},N\n");
}
