using System.Diagnostics;
using EcoMonitor.Standards.Tests.RealData;

// Prints the comparison of our HJ 633 / GB 3095 computations with the 2019 CNEMC publication as Markdown
// (the figures of docs/standards.md). Usage: dotnet run -c Release --project tools/EcoMonitor.Standards.RealDataReport [file.csv.gz]
string? path = args.Length > 0 ? args[0] : CnemcHourlyFile.FindDefaultPath();
if (path is null)
{
    Console.Error.WriteLine("No 2019 CNEMC file: pass its path, or keep ../shared/data beside the repository root.");
    return 1;
}

var clock = Stopwatch.StartNew();
var file = CnemcHourlyFile.Load(path);
Console.WriteLine($"Loaded {file.Stations.Length} stations × {file.HourCount} hours in {clock.Elapsed.TotalSeconds:F1} s; unreadable cells: {file.UnreadableCells}\n");
clock.Restart();
Console.WriteLine(CnemcCheck.HourlyAqi(file).ToMarkdown());
(string Hourly, string Published, int Window, int Decimals)[] means =
[
    ("PM2.5", "PM2.5_24h", 24, 0), ("PM10", "PM10_24h", 24, 0), ("SO2", "SO2_24h", 24, 0),
    ("NO2", "NO2_24h", 24, 0), ("CO", "CO_24h", 24, 1), ("O3", "O3_8h", 8, 0),
];
foreach ((string hourly, string published, int window, int decimals) in means)
{
    Console.WriteLine(CnemcCheck.MovingMean(file, hourly, published, window, decimals).ToMarkdown());
}

Console.WriteLine(CnemcCheck.MovingMean(file, "O3", "O3_8h", 8, 0, dayBounded: true).ToMarkdown());

Console.WriteLine($"Checks took {clock.Elapsed.TotalSeconds:F1} s.");
return 0;
