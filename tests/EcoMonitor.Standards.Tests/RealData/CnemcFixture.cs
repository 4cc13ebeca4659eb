namespace EcoMonitor.Standards.Tests.RealData;

/// <summary>Loads the 2019 CNEMC file once for <see cref="CnemcRealDataTests"/>; skips locally when it is absent, fails on CI.</summary>
public sealed class CnemcFixture
{
    private readonly Lazy<CnemcHourlyFile> _file = new(Load);

    public CnemcHourlyFile File => _file.Value;

    private static CnemcHourlyFile Load()
    {
        string? path = CnemcHourlyFile.FindDefaultPath();
        if (path is null)
        {
            const string reason = "../shared/data (beside the repository root) holds no 2019 CNEMC file";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        return CnemcHourlyFile.Load(path);
    }
}
