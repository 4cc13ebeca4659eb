using System.CommandLine;
using System.Text.Json.Nodes;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Cli.Eval;

namespace EcoMonitor.Cli.Tests.Eval;

/// <summary><c>ecomon eval</c> per ../shared/contracts/ecomon-eval.md: JSON lines in, JSON lines out, errors per line.</summary>
[Trait("Area", "Standards")]
public sealed partial class EvalRunnerTests
{
    [Fact]
    public async Task RunAsync_BadLineInTheMiddle_AnswersErrorAndGoesOn()
    {
        const string input = """
            {"kind":"iaqi","c":2.2,"table":"CO_24h"}
            not json

            {"kind":"nope"}
            {"kind":"aqi_category","aqi":51}
            """;
        StringWriter output = new();

        int errors = await EvalRunner.RunAsync(new StringReader(input), output, TestContext.Current.CancellationToken);

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal(2, errors);
        Assert.Equal(55, JsonNode.Parse(lines[0])!["iaqi"]!.GetValue<int>());
        Assert.NotNull(JsonNode.Parse(lines[1])!["error"]);
        Assert.Equal("kind not supported: nope", JsonNode.Parse(lines[2])!["error"]!.GetValue<string>());
        Assert.Equal("良", JsonNode.Parse(lines[3])!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Command_InputFile_WritesOneLinePerInputLine()
    {
        string path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "{\"kind\":\"leq\",\"levels\":[60,60]}\n{\"kind\":\"noise_period\",\"hh\":6,\"mm\":0}\n",
            TestContext.Current.CancellationToken);
        RootCommand root = new() { EvalCommand.Create() };
        StringWriter output = new();

        int exit = await root.Parse(["eval", "--input", path]).InvokeAsync(new InvocationConfiguration { Output = output },
            TestContext.Current.CancellationToken);

        File.Delete(path);
        Assert.Equal(0, exit);
        Assert.Equal("{\"leq\":60}\n{\"period\":\"day\"}\n", output.ToString().ReplaceLineEndings("\n"));
    }

    private static JsonObject Eval(string line) => EvalRunner.EvaluateLine(line);
}
