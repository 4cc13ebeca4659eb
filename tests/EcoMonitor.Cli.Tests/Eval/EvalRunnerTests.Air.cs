using System.Text.Json.Nodes;

namespace EcoMonitor.Cli.Tests.Eval;

/// <summary>HJ 633 / GB 3095 / HJ 663 kinds.</summary>
public sealed partial class EvalRunnerTests
{
    [Theory]
    [InlineData("""{"kind":"iaqi","c":2.2,"table":"CO_24h"}""", """{"iaqi":55,"status":"ok"}""")]
    [InlineData("""{"kind":"iaqi","c":801,"table":"SO2_1h"}""", """{"iaqi":null,"status":"not_applicable"}""")]
    [InlineData("""{"kind":"iaqi","c":801,"table":"O3_8h"}""", """{"iaqi":null,"status":"not_applicable"}""")]
    [InlineData("""{"kind":"annual_validity","month_counts":[27,27,27,27,27,27,27,27,27,27,27,27]}""", """{"valid":true}""")]
    [InlineData("""{"kind":"annual_validity","month_counts":[27,25,27,27,27,27,27,27,27,27,27,27]}""", """{"valid":false}""")]
    [InlineData("""{"kind":"percentile","ndigits":0,"p":95,"values":[10,20,30,40,50,60,70,80,90,100]}""", """{"value":96}""")]
    [InlineData("""{"kind":"o3_8h_window","hourly8":[100,110,null,120,130,140,150,null]}""", """{"valid":true,"value":125,"n":6}""")]
    [InlineData("""{"kind":"o3_8h_window","hourly8":[100,null,null,120,130,140,150,null]}""", """{"valid":false,"value":128,"n":5}""")]
    public void Eval_AirKinds(string input, string expected) => Assert.Equal(expected, Eval(input).ToJsonString());

    [Fact]
    public void Eval_HourlyAqi_ReportsSubIndicesPrimaryAndExceeding()
    {
        JsonObject result = Eval("""{"kind":"hourly_aqi","co_1h":1.2,"no2_1h":40,"o3_1h":100,"pm10_1h":120,"pm25_1h":88,"so2_1h":10}""");

        Assert.Equal(117, result["aqi"]!.GetValue<int>());
        Assert.Equal(3, result["level"]!.GetValue<int>());
        Assert.Equal("""["PM2.5"]""", result["primary"]!.ToJsonString());
        Assert.Equal("""["PM2.5"]""", result["exceeding"]!.ToJsonString());
        Assert.Equal(85, result["iaqi"]!["PM10"]!.GetValue<int>());
    }

    [Fact]
    public void Eval_DailyAqi_O3EightHourAboveEightHundred_UsesO3OneHour()
    {
        JsonObject result = Eval("""{"kind":"daily_aqi","o3_1h_max":900,"o3_8h_max":801}""");

        Assert.Null(result["iaqi"]!["O3_8h"]);
        Assert.Equal(350, result["aqi"]!.GetValue<int>());
        Assert.Equal("""["O3_1h"]""", result["primary"]!.ToJsonString());
    }

    [Fact]
    public void Eval_DailyMean_NineteenHoursIsInvalid()
    {
        string hours = string.Join(",", Enumerable.Range(0, 24).Select(i => i < 19 ? "40" : "null"));

        JsonObject result = Eval($$"""{"kind":"daily_mean","pollutant":"PM2.5","hourly":[{{hours}}]}""");

        Assert.Equal("""{"n":19,"valid":false,"value":40}""", result.ToJsonString());
    }

    [Fact]
    public void Eval_ComprehensiveIndex_WorkedExample()
    {
        JsonObject result = Eval("""{"kind":"comprehensive_index","co_p95":0.7,"no2":15,"o3_8h_p90":192,"pm10":39,"pm25":21,"so2":9}""");

        Assert.Equal(3.06m, result["index"]!.GetValue<decimal>());
        Assert.Equal(1.2m, result["max_single"]!.GetValue<decimal>());
    }

    [Fact]
    public void Eval_AnnualEval_ReportsEachPollutant()
    {
        string days = string.Join(",", Enumerable.Repeat("30", 365));

        JsonObject result = Eval($$$"""{"kind":"annual_eval","daily":{"PM2.5":[{{{days}}}],"O3":[{{{days}}}]}}""");

        Assert.Equal(30m, result["PM2.5"]!["mean"]!.GetValue<decimal>());
        Assert.True(result["PM2.5"]!["valid"]!.GetValue<bool>());
        Assert.Equal(30m, result["O3"]!["percentile"]!.GetValue<decimal>());
        Assert.True(result["compliant"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"kind":"iaqi","c":-1,"table":"CO_24h"}""")]
    [InlineData("""{"kind":"iaqi","c":1,"table":"CO_8h"}""")]
    [InlineData("""{"kind":"daily_mean","pollutant":"Hg","hourly":[1]}""")]
    [InlineData("""{"kind":"percentile","p":101,"values":[1]}""")]
    [InlineData("""{"c":1}""")]
    [InlineData("[1,2]")]
    public void Eval_InvalidInput_AnswersError(string input) => Assert.NotNull(Eval(input)["error"]);
}
