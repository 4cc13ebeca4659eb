using System.Text.Json.Nodes;

namespace EcoMonitor.Cli.Tests.Eval;

/// <summary>GB 3838, 评价办法, CWQI, GB 3096, GB/T 14848, GB 15618 kinds.</summary>
public sealed partial class EvalRunnerTests
{
    [Theory]
    [InlineData("""{"kind":"sw_item","item":"COD","value":15,"waterbody":"river"}""", """{"class":1,"class_name":"I"}""")]
    [InlineData("""{"kind":"sw_item","item":"TP","value":0.05,"waterbody":"lake"}""", """{"class":3,"class_name":"III"}""")]
    [InlineData("""{"kind":"sw_item","item":"pH","value":9.5,"waterbody":"river"}""", """{"class":6,"class_name":"劣V"}""")]
    [InlineData("""{"kind":"basin_rating","classes":[1,2,3,6,4]}""", """{"quality":"中度污染","n":5}""")]
    [InlineData("""{"kind":"cwqi_item","item":"DO","value":4,"waterbody":"river"}""", """{"cwqi":1.25}""")]
    [InlineData("""{"kind":"cwqi_city","sections":[1.5,2.5]}""", """{"cwqi":2,"n":2}""")]
    [InlineData("""{"kind":"noise_period","hh":22,"mm":0}""", """{"period":"night"}""")]
    [InlineData("""{"kind":"gw_item","item":"NH3N","value":0.3}""", """{"class":3,"class_name":"III"}""")]
    [InlineData("""{"kind":"gw_overall","sample":{"NH3N":0.3,"pH":9.5}}""", """{"class":5,"class_name":"V","worst_items":["pH"]}""")]
    [InlineData("""{"kind":"soil","item":"Cd","land_use":"paddy","ph":6.0,"value":1.0}""", """{"band":"5.5<pH<=6.5","intervention":2,"result":"between","screening":0.4}""")]
    public void Eval_OtherKinds(string input, string expected) => Assert.Equal(expected, Eval(input).ToJsonString(
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    [Fact]
    public void Eval_Section_ClassMultiplesMainPollutantsAndSeparateItems()
    {
        JsonObject result = Eval("""{"kind":"sw_section","sample":{"pH":7.5,"DO":4,"NH3N":2.5,"TP":0.25,"COD":35,"TN":3},"waterbody":"lake"}""");

        Assert.Equal(6, result["class"]!.GetValue<int>());
        Assert.Equal("劣V", result["class_name"]!.GetValue<string>());
        Assert.Equal("重度污染", result["quality"]!.GetValue<string>());
        Assert.Equal(4m, result["exceed_multiples"]!["TP"]!.GetValue<decimal>());
        Assert.Equal("""["TP","NH3N","COD"]""", result["main_pollutants"]!.ToJsonString());
        Assert.Equal(6, result["separate"]!["TN"]!.GetValue<int>());
        Assert.Equal("""["NH3N","TP"]""", result["worst_items"]!.ToJsonString());
    }

    [Fact]
    public void Eval_Noise_DayExceedsNightMaxOverAllowance()
    {
        JsonObject result = Eval("""{"kind":"noise","ld":62,"ln":49,"night_lmax":66,"zone":"2"}""");

        Assert.False(result["day_ok"]!.GetValue<bool>());
        Assert.Equal(2m, result["day_exceed"]!.GetValue<decimal>());
        Assert.True(result["night_ok"]!.GetValue<bool>());
        Assert.Equal(65m, result["night_lmax_limit"]!.GetValue<decimal>());
        Assert.False(result["night_lmax_ok"]!.GetValue<bool>());
    }

    [Fact]
    public void Eval_Tli_StateAndValue()
    {
        JsonObject result = Eval("""{"kind":"tli","chla":10,"codmn":4,"sd":1,"tn":1,"tp":0.05}""");

        Assert.Equal("中营养", result["state"]!.GetValue<string>());
        Assert.InRange(result["tli"]!.GetValue<double>(), 48.0, 48.1);
    }

    [Theory]
    [InlineData("""{"kind":"sw_item","item":"Temp","value":1}""")]
    [InlineData("""{"kind":"sw_item","item":"COD","value":1,"waterbody":"sea"}""")]
    [InlineData("""{"kind":"noise","ld":50,"zone":"5"}""")]
    [InlineData("""{"kind":"gw_item","item":"Odour","value":1}""")]
    [InlineData("""{"kind":"soil","item":"Cd","land_use":"forest","ph":6,"value":1}""")]
    [InlineData("""{"kind":"tli","chla":0,"codmn":4,"sd":1,"tn":1,"tp":0.05}""")]
    [InlineData("""{"kind":"leq","levels":[60,null]}""")]
    public void Eval_InvalidWaterInput_AnswersError(string input) => Assert.NotNull(Eval(input)["error"]);
}
