using System.Text.Json;

namespace EcoMonitor.Web.Tests.Contract;

/// <summary>
/// The public contract of the HTTP API is the OpenAPI document the host serves; it is committed as
/// docs/openapi.v1.json (STYLE §11), so that any change of the API shows in review as a change of that file. The test
/// generates the document from the real host and compares. On a difference it fails with the diff and writes the
/// received document to TestResults/; to approve a change on purpose, run it again with <c>ECOMON_APPROVE=1</c>
/// (refused under <c>CI=true</c>: approving is a reviewed change, never automatic) and commit the file.
/// </summary>
[Trait("Area", "Foundation")]
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string ApprovedFile = "docs/openapi.v1.json";

    [Fact]
    public async Task OpenApiDocument_MatchesTheApprovedFile()
    {
        string received = Normalize(await api.GetStringAsync("/openapi/v1.json"));
        string approvedPath = RepoFiles.Path(ApprovedFile);
        string approved = File.Exists(approvedPath) ? Normalize(await File.ReadAllTextAsync(approvedPath, TestContext.Current.CancellationToken)) : string.Empty;
        if (string.Equals(approved, received, StringComparison.Ordinal))
        {
            return;
        }

        bool isCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Environment.GetEnvironmentVariable("ECOMON_APPROVE") == "1" && !isCi)
        {
            await File.WriteAllTextAsync(approvedPath, received, TestContext.Current.CancellationToken);
            return;
        }

        string receivedPath = RepoFiles.Path("TestResults/openapi.v1.received.json");
        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        await File.WriteAllTextAsync(receivedPath, received, TestContext.Current.CancellationToken);
        Assert.Fail(
            $"The OpenAPI document differs from the approved {ApprovedFile} (- approved, + served now):\n\n{LineDiff.Of(approved, received)}\n"
            + $"The whole document: {receivedPath}. If the change of the public API is intended, approve it: "
            + "ECOMON_APPROVE=1 dotnet test tests/EcoMonitor.Web.Tests --filter-class EcoMonitor.Web.Tests.Contract.OpenApiDocumentTests "
            + $"(or copy the received file over {ApprovedFile}) and commit the file with the change.");
    }

    [Fact]
    public async Task OpenApiDocument_IsTheSameOnEveryRequest_AndNamesNoServer()
    {
        string first = await api.GetStringAsync("/openapi/v1.json");
        string second = await api.GetStringAsync("/openapi/v1.json");

        Assert.Equal(first, second);
        Assert.DoesNotContain("\"servers\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain(api.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StationRegistration_DocumentsItsBody_OneStationOrAnArrayOfThem()
    {
        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        JsonElement body = document.GetProperty("paths").GetProperty("/api/v1/stations").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        JsonElement station = document.GetProperty("components").GetProperty("schemas").GetProperty("StationInput");

        Assert.Equal("#/components/schemas/StationInput", body.GetProperty("oneOf")[0].GetProperty("$ref").GetString());
        Assert.Equal("array", body.GetProperty("oneOf")[1].GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/StationInput", body.GetProperty("oneOf")[1].GetProperty("items").GetProperty("$ref").GetString());
        Assert.True(station.GetProperty("properties").TryGetProperty("mn", out _), station.ToString());
        Assert.True(station.GetProperty("properties").TryGetProperty("reportingIntervalHours", out _), station.ToString());
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
