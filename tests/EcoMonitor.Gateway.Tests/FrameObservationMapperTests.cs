using System.Text;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Protocol.Hj212;
using EcoMonitor.Testing;
using NodaTime;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Spine")]
public sealed class FrameObservationMapperTests
{
    private static readonly ParameterCatalog Catalog = LoadCatalog();
    private static readonly Instant Received = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Station Outlet = new()
    {
        Id = StationId.Parse("OUTLET01"),
        Name = "排口",
        Type = StationType.WasteWaterOutlet,
        Region = RegionCode.Parse("510106"),
        Password = StationPassword.Plain("123456"),
    };

    [Fact]
    public void Map_StatisticFields_BecomeOneObservationPerCode()
    {
        List<Observation> observations = Map("QN=20200101000000000;ST=32;CN=2061;PW=123456;MN=OUTLET01;Flag=4;CP=&&DataTime=20200101080000;w01018-Avg=23.50,w01018-Min=20,w01018-Max=30.1,w01018-Cou=4.2,w01018-ZsAvg=25,w01018-Flag=D&&");

        Observation cod = Assert.Single(observations);
        Assert.Equal("w01018", cod.Parameter.Value);
        Assert.Equal(23.50m, cod.Value);
        Assert.Equal(20m, cod.Min);
        Assert.Equal(30.1m, cod.Max);
        Assert.Equal(4.2m, cod.Total);
        Assert.Equal(25m, cod.ConvertedValue);
        Assert.Equal("D", cod.Flag.Value);
        Assert.Equal(ObservationInterval.Hour, cod.Interval);
    }

    [Fact]
    public void Map_Hj2005Codes_AreMappedToHj2017_AndUnknownCodesKept()
    {
        List<Observation> observations = Map("ST=32;CN=2011;PW=123456;MN=OUTLET01;CP=&&DataTime=20160824003817;B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803&&", out FrameObservationMapper.MapResult result);

        Assert.Equal(["B01", "w01018", "w21003"], observations.Select(o => o.Parameter.Value).Order(StringComparer.Ordinal));
        Assert.Equal(1, result.UnknownParameters);
    }

    [Fact]
    public void Map_UnreadableValue_IsCountedAndSkipped_OthersKept()
    {
        List<Observation> observations = Map("QN=20200101000000000;ST=32;CN=2011;PW=123456;MN=OUTLET01;Flag=4;CP=&&DataTime=20200101080000;w01018-Rtd=abc;w21003-Rtd=1.5&&", out FrameObservationMapper.MapResult result);

        Assert.Equal("w21003", Assert.Single(observations).Parameter.Value);
        Assert.Equal(1, result.BadFields);
    }

    [Theory]
    [InlineData(ObservationInterval.Hour, PeriodLabel.PeriodStart, "2020-01-01T08:00:00")]
    [InlineData(ObservationInterval.Hour, PeriodLabel.PeriodEnd, "2020-01-01T07:00:00")]
    [InlineData(ObservationInterval.Day, PeriodLabel.PeriodEnd, "2019-12-31T08:00:00")]
    [InlineData(ObservationInterval.RealTime, PeriodLabel.PeriodEnd, "2020-01-01T08:00:00")]
    public void PeriodStart_FollowsTheStationsLabelling(ObservationInterval interval, PeriodLabel label, string expectedCst)
    {
        Instant start = FrameObservationMapper.PeriodStart(new LocalDateTime(2020, 1, 1, 8, 0), interval, label);

        Assert.Equal(expectedCst, ChinaTime.ToLocal(start).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<Observation> Map(string dataSegment) => Map(dataSegment, out _);

    private static List<Observation> Map(string dataSegment, out FrameObservationMapper.MapResult result)
    {
        byte[] data = Encoding.ASCII.GetBytes(dataSegment);
        string frame = $"##{data.Length:D4}{dataSegment}{Hj212Crc.Compute(data):X4}\r\n";
        Hj212ParseResult parsed = Hj212Parser.Parse(Encoding.ASCII.GetBytes(frame));
        Assert.True(parsed.IsSuccess, parsed.Error.ToString());
        Assert.True(FrameObservationMapper.TryGetInterval(parsed.Frame.CommandCode, out ObservationInterval interval));
        Assert.True(parsed.Frame.TryGetDataTime(out LocalDateTime dataTime));
        List<Observation> observations = [];
        result = FrameObservationMapper.Map(parsed.Frame, Outlet, Catalog, interval, ChinaTime.ToInstant(dataTime), Received, observations);
        return observations;
    }

    private static ParameterCatalog LoadCatalog()
    {
        using FileStream stream = RepoFiles.Open("config/parameters.json");
        return ParameterCatalog.Load(stream).Catalog;
    }
}
