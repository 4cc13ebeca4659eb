using System.Collections.Frozen;
using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// The monitored parameters (监测因子) the platform knows, keyed by HJ 212-2017 code, with the HJ/T 212-2005 codes
/// that map to them. Loaded from <c>config/parameters.json</c> (built by <c>tools/build_parameters.py</c> from
/// shared/standards/hj212-2017-codes.json). Immutable and therefore safe to share between threads.
/// </summary>
public sealed partial class ParameterCatalog
{
    private readonly FrozenDictionary<ParameterCode, Parameter> _byCode;
    private readonly FrozenDictionary<string, ParameterCode> _byHj2005Code;

    private ParameterCatalog(IReadOnlyList<Parameter> parameters, IReadOnlyDictionary<string, string> dataFlags)
    {
        All = parameters;
        DataFlags = dataFlags;
        _byCode = parameters.ToFrozenDictionary(p => p.Code);
        _byHj2005Code = parameters
            .Where(p => p.Hj2005Code is not null)
            .ToFrozenDictionary(p => p.Hj2005Code!, p => p.Code, StringComparer.Ordinal);
    }

    /// <summary>A catalog with no parameters.</summary>
    public static ParameterCatalog Empty { get; } = new([], FrozenDictionary<string, string>.Empty);

    /// <summary>Every parameter, in file order.</summary>
    public IReadOnlyList<Parameter> All { get; }

    /// <summary>HJ 212 data flags (数据标记) and their meaning as the parameters file lists them, e.g. <c>N</c> normal.</summary>
    public IReadOnlyDictionary<string, string> DataFlags { get; }

    /// <summary>Finds a parameter by its HJ 212-2017 code (ordinal, case-sensitive).</summary>
    public bool TryGet(ParameterCode code, out Parameter parameter) =>
        _byCode.TryGetValue(code, out parameter!);

    /// <summary>True when the catalog holds <paramref name="code"/>.</summary>
    public bool Contains(ParameterCode code) => _byCode.ContainsKey(code);

    /// <summary>Maps an HJ/T 212-2005 code (e.g. <c>011</c>) to the HJ 212-2017 code of the same parameter (<c>w01018</c>).</summary>
    public bool TryMapHj2005(string code, out ParameterCode mapped)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byHj2005Code.TryGetValue(code, out mapped);
    }

    /// <summary>
    /// Reads a parameters file (UTF-8 JSON, format in docs/registry.md). A broken entry is reported and skipped;
    /// the others are kept. A document that is not JSON gives an empty catalog and one error with index -1.
    /// </summary>
    public static ParameterCatalogLoadResult Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var errors = new List<RegistryEntryError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, RegistryJson.DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(new RegistryEntryError(-1, null, string.Empty, $"the file is not valid JSON: {ex.Message}"));
            return new ParameterCatalogLoadResult(Empty, errors);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("parameters", out JsonElement list)
                || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RegistryEntryError(-1, null, "parameters", "the document must be an object with a 'parameters' array"));
                return new ParameterCatalogLoadResult(Empty, errors);
            }

            List<Parameter> parameters = ReadEntries(list, errors);
            return new ParameterCatalogLoadResult(new ParameterCatalog(parameters, ReadFlags(root)), errors);
        }
    }
}
