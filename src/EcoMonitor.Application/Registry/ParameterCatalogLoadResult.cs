namespace EcoMonitor.Application.Registry;

/// <summary>The catalog built from the good entries of a parameters file, and why the others were rejected.</summary>
/// <param name="Catalog">The parameters that were valid; empty when the document itself could not be read.</param>
/// <param name="Errors">One error per rejected entry, in file order.</param>
public sealed record ParameterCatalogLoadResult(ParameterCatalog Catalog, IReadOnlyList<RegistryEntryError> Errors);
