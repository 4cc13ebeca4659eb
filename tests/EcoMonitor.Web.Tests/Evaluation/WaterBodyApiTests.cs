using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// Basin and river ratings and lake trophic states through the API, on sections registered and values imported over
/// HTTP (one day, 10 July 2025, in 广西 450000 where the sample has no section), against figures worked by hand from
/// GB 3838-2002 Table 1 (river: CODMn 2/4/6/10/15, NH3-N 0.15/0.5/1.0/1.5/2.0, TP 0.02/0.1/0.2/0.3/0.4 mg/L; lake TP
/// 0.01/0.025/0.05/0.1/0.2, TN 0.2/0.5/1.0/1.5/2.0) and 地表水环境质量评价办法（试行）二(二), 二(四) and 附 (TLI).
/// </summary>
[Trait("Area", "Reports")]
public sealed class WaterBodyApiTests(WaterBodyNetwork network) : IClassFixture<WaterBodyNetwork>
{
    private const string Query = WaterBodyNetwork.Query;

    private ApiFactory Api => network.Api;

    [Fact]
    public async Task Basins_FiveSectionsByShares_FewerByTheMeanOfTheirItems()
    {
        JsonElement basins = await Api.GetJsonAsync($"/api/v1/rankings/water/basins?{Query}");

        Assert.Equal(["测试甲流域", "测试乙流域"], basins.EnumerateArray().Select(b => b.GetProperty("name").GetString()));

        // 甲: II, III, III, IV, 劣V → I–III 3/5 = 60 % < 75 %, 劣V 1/5 = 20 % → 中度污染 (20–40 %). NH3-N is worse than III
        // at WBA4 (1.2: multiple 0.2) and WBA5 (2.5: 1.5), TP at WBA4 (0.25: 0.25) and WBA5 (0.3: 0.5): both 2/5 = 40 %,
        // NH3-N first by its larger multiple.
        JsonElement a = basins[0];
        Assert.Equal(5, a.GetProperty("sections").GetInt32());
        Assert.Equal([0, 1, 2, 1, 0, 1], a.GetProperty("classCounts").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal([0m, 20m, 40m, 20m, 0m, 20m], a.GetProperty("classShares").EnumerateArray().Select(c => c.GetDecimal()));
        Assert.Equal((60.0m, 20.0m, "shares", "中度污染"), (a.GetProperty("goodShare").GetDecimal(), a.GetProperty("worstShare").GetDecimal(),
            a.GetProperty("method").GetString(), a.GetProperty("rating").GetString()));
        Assert.Equal([("NH3N", 2, 40.0m, 1.5m), ("TP", 2, 40.0m, 0.5m)], a.GetProperty("exceedances").EnumerateArray()
            .Select(e => (e.GetProperty("item").GetString(), e.GetProperty("sections").GetInt32(), e.GetProperty("rate").GetDecimal(), e.GetProperty("maxMultiple").GetDecimal())));
        Assert.Equal(["NH3N", "TP"], a.GetProperty("mainItems").EnumerateArray().Select(i => i.GetString()));

        // 乙: two sections (III, V) → the means CODMn 4 (II), NH3-N 0.6 (III), TP 0.25 (IV: multiple 0.25) → IV, 轻度污染.
        JsonElement b = basins[1];
        Assert.Equal((2, "mean", "IV", "轻度污染", 50.0m), (b.GetProperty("sections").GetInt32(), b.GetProperty("method").GetString(),
            b.GetProperty("meanClass").GetString(), b.GetProperty("rating").GetString(), b.GetProperty("goodShare").GetDecimal()));
        Assert.Equal(["TP"], b.GetProperty("mainItems").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal([("TP", 1)], b.GetProperty("exceedances").EnumerateArray().Select(e => (e.GetProperty("item").GetString(), e.GetProperty("sections").GetInt32())));
    }

    [Fact]
    public async Task Rivers_OnlyNamedRiverSections()
    {
        JsonElement rivers = await Api.GetJsonAsync($"/api/v1/rankings/water/basins?{Query}&by=river");

        JsonElement river = Assert.Single(rivers.EnumerateArray());
        Assert.Equal(("测试河", 2, "轻度污染"), (river.GetProperty("name").GetString(), river.GetProperty("sections").GetInt32(), river.GetProperty("rating").GetString()));
    }

    [Fact]
    public async Task Lakes_TliOfTheMeansOfTheirPoints_MissingItemsNamed()
    {
        JsonElement lakes = await Api.GetJsonAsync($"/api/v1/water/lakes/trophic?{Query}");

        Assert.Equal(["测试湖", "测试库"], lakes.EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        // Means of the two points: chla 15 mg/m³, TP 0.06, TN 1.2, SD 0.8 m, CODMn 5. TLI(j): chla 10(2.5 + 1.086 ln 15) = 54.409,
        // TP 10(9.436 + 1.624 ln 0.06) = 48.670, TN 10(5.453 + 1.694 ln 1.2) = 57.619, SD 10(5.118 − 1.94 ln 0.8) = 55.509,
        // CODMn 10(0.109 + 2.661 ln 5) = 43.917; weighted 0.2663, 0.1879, 0.1790, 0.1834, 0.1834: Σ = 52.183 → 52.2, 轻度富营养 (50–60).
        // Class on lake limits: CODMn 5 III, TP 0.06 IV → IV 轻度污染; TN 1.2 IV, separately.
        JsonElement lake = lakes[0];
        Assert.Equal((2, 15m, 0.06m, 1.2m, 0.8m, 5m), (lake.GetProperty("sections").GetInt32(), lake.GetProperty("chlorophyll").GetDecimal(),
            lake.GetProperty("tp").GetDecimal(), lake.GetProperty("tn").GetDecimal(), lake.GetProperty("transparency").GetDecimal(), lake.GetProperty("codMn").GetDecimal()));
        Assert.Equal((52.2m, "轻度富营养", "IV", "轻度污染", "IV"), (lake.GetProperty("tli").GetDecimal(), lake.GetProperty("state").GetString(),
            lake.GetProperty("className").GetString(), lake.GetProperty("quality").GetString(), lake.GetProperty("tnClassName").GetString()));
        Assert.Empty(lake.GetProperty("missingItems").EnumerateArray());

        // 测试库: no chlorophyll a, no transparency → no TLI; CODMn 2 I, TP 0.02 II → II.
        JsonElement reservoir = lakes[1];
        Assert.Equal(("reservoir", JsonValueKind.Null, JsonValueKind.Null, "II"), (reservoir.GetProperty("body").GetString(),
            reservoir.GetProperty("tli").ValueKind, reservoir.GetProperty("state").ValueKind, reservoir.GetProperty("className").GetString()));
        Assert.Equal(["chla", "SD"], reservoir.GetProperty("missingItems").EnumerateArray().Select(i => i.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/rankings/water/basins?period=2025-07&by=lake")]
    [InlineData("/api/v1/rankings/water/basins?period=2025-07&within=45")]
    [InlineData("/api/v1/water/lakes/trophic?period=2025-13")]
    public async Task BadParameters_AreProblems(string path)
    {
        using HttpResponseMessage response = await Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
