using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// One host with the sample network and the sample CNEMC history 2019-12-18…31, started once for a test class and
/// waited for until the evaluation worker has evaluated the whole history (the last city-day exists). Also reads the
/// AQI values CNEMC published in the same file, keyed by station and hour start (CNEMC labels hours by their end).
/// </summary>
public sealed class EvaluatedSampleHistory : IAsyncLifetime
{
    public const string HistoryFile = "samples/history/cnemc-2019-12-18_31.csv.gz";

    /// <summary>The city of station 1119A (长春, 10 stations in the sample network).</summary>
    public const string City = "220100";

    // Import, quality checks and evaluation of 348,725 values share the 2 cores with the other test projects on CI.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    public ApiFactory Api { get; } = ApiFactory.With(new Dictionary<string, string?> { ["Samples:HistoryFile"] = RepoFiles.Path(HistoryFile) });

    /// <summary>Published AQI by (MN, hour start ISO at +08:00).</summary>
    public Dictionary<(string Station, string HourStart), int> PublishedAqi { get; } = [];

    /// <summary>What <c>/health/ready</c> answered until it said up (ADR 0035: <c>starting</c> while the history is evaluated).</summary>
    public IReadOnlyList<string> ReadyAnswers { get; private set; } = [];

    /// <summary>The city's 2019-12-31 day as the API answered it the moment the node turned ready.</summary>
    public JsonElement LastCityDayAtReady { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await ReadPublishedAqiAsync();
        DateTime deadline = DateTime.UtcNow + Patience;
        ReadyAnswers = await Api.WaitUntilReadyAsync((int)Patience.TotalSeconds);
        LastCityDayAtReady = await Api.GetJsonAsync($"/api/v1/regions/{City}/aqi?interval=day&from=2019-12-31&to=2020-01-01");

        // Asked again until done, so that the other tests still run (and say what they find) if readiness came too early.
        while (true)
        {
            JsonElement last = await Api.GetJsonAsync($"/api/v1/regions/{City}/aqi?interval=day&from=2019-12-31&to=2020-01-01");
            if (last.GetArrayLength() == 1)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The sample history was not evaluated in time.");
            }

            await Task.Delay(500);
        }
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private async Task ReadPublishedAqiAsync()
    {
        await using FileStream file = File.OpenRead(RepoFiles.Path(HistoryFile));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        string[] header = (await reader.ReadLineAsync())!.Split(',');
        while (await reader.ReadLineAsync() is { } line)
        {
            string[] fields = line.Split(',');
            if (fields[2] != "AQI")
            {
                continue;
            }

            DateTimeOffset labelEnd = DateTimeOffset.ParseExact(fields[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None)
                .AddHours(int.Parse(fields[1], CultureInfo.InvariantCulture));
            var start = new DateTimeOffset(labelEnd.DateTime.AddHours(-1), TimeSpan.FromHours(8));
            string hourStart = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            for (int i = 3; i < fields.Length && i < header.Length; i++)
            {
                if (fields[i].Length > 0)
                {
                    PublishedAqi[(header[i], hourStart)] = int.Parse(fields[i], CultureInfo.InvariantCulture);
                }
            }
        }
    }
}
