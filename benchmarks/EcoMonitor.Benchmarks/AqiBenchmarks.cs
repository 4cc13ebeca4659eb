using BenchmarkDotNet.Attributes;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// HJ 633-2012 hot path: the IAQI of one hourly value and the real-time AQI of one hour. Budget: under 100 ns and
/// 0 bytes allocated per operation (issue 3, part 5).
/// </summary>
[MemoryDiagnoser]
public class AqiBenchmarks
{
    private decimal _pm25 = 88m;
    private HourlyAqiInput _hour = new(So2: 12m, No2: 41m, Pm10: 120m, Pm25: 88m, Co: 1.2m, O3: 96m, So2Daily: 10m);

    [Benchmark(Baseline = true)]
    public IaqiResult IaqiOfOneValue() => IaqiCalculator.Compute(IaqiTable.Pm25Daily, _pm25);

    [Benchmark]
    public IaqiResult IaqiOfOneCoValue() => IaqiCalculator.Compute(IaqiTable.CoHourly, 2.2m);

    [Benchmark]
    public int? HourlyAqiOfSixValues() => AqiCalculator.Hourly(_hour).Aqi;

    [GlobalSetup]
    public void Setup()
    {
        _pm25 = 88m;
        _hour = _hour with { O3 = 96m };
    }
}
