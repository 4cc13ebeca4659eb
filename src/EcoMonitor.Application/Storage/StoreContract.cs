namespace EcoMonitor.Application.Storage;

/// <summary>
/// One row of an engine's registration table: a store contract (an interface of Application) and the engine's class
/// that implements it (docs/adr/0033). Built only through <see cref="Of{TContract, TImplementation}"/>, so that a row
/// whose class does not implement its contract does not compile.
/// </summary>
public sealed record StoreContract
{
    private StoreContract(Type contract, Type implementation) => (Contract, Implementation) = (contract, implementation);

    /// <summary>The interface the application asks the container for.</summary>
    public Type Contract { get; }

    /// <summary>The engine's class that implements it; one singleton per class, whatever number of contracts it serves.</summary>
    public Type Implementation { get; }

    /// <summary>The row "<typeparamref name="TContract"/> is served by <typeparamref name="TImplementation"/>".</summary>
    public static StoreContract Of<TContract, TImplementation>()
        where TContract : class
        where TImplementation : class, TContract => new(typeof(TContract), typeof(TImplementation));

    /// <inheritdoc />
    public override string ToString() => $"{Contract.Name} → {Implementation.Name}";
}
