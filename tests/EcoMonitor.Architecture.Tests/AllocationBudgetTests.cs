using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace EcoMonitor.Architecture.Tests;

/// <summary>
/// STYLE §10's guard rail: every benchmark named in <c>benchmarks/allocation-budget.json</c> allocates no more bytes per
/// operation than its budget. Runs the benchmark's own code (its <c>[GlobalSetup]</c>, then its <c>[Benchmark]</c>
/// method, warmed up, through a compiled delegate that boxes nothing) and counts what it allocates — on this thread for
/// synchronous benchmarks, in the whole process for those returning a task (their continuations run elsewhere), which is
/// why this class runs alone. Bytes, not time: a count that cannot flake with the machine's load.
/// </summary>
[Trait("Area", "Foundation")]
[Collection(nameof(AllocationBudgetTests))]
[CollectionDefinition(nameof(AllocationBudgetTests), DisableParallelization = true)]
public sealed class AllocationBudgetTests
{
    private const int WarmUps = 50;
    private const int Invocations = 200;

    public static TheoryData<string, long> Budgets()
    {
        TheoryData<string, long> data = [];
        using var budget = JsonDocument.Parse(File.ReadAllText(BudgetFile()));
        foreach (JsonProperty entry in budget.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
        {
            data.Add(entry.Name, entry.Value.GetInt64());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public async Task Benchmark_AllocatesWithinItsBudget(string benchmark, long budgetBytes)
    {
        int dot = benchmark.LastIndexOf('.');
        Type type = typeof(EcoMonitor.Benchmarks.AqiBenchmarks).Assembly.GetType(benchmark[..dot])
            ?? throw new InvalidOperationException($"{benchmark}: no such benchmark class (allocation-budget.json names a benchmark that is gone)");
        MethodInfo method = type.GetMethod(benchmark[(dot + 1)..])
            ?? throw new InvalidOperationException($"{benchmark}: no such benchmark method");
        BenchmarkAttribute attribute = method.GetCustomAttribute<BenchmarkAttribute>()
            ?? throw new InvalidOperationException($"{benchmark} is not a [Benchmark]");

        object instance = Activator.CreateInstance(type)!;
        Invoke(type, instance, typeof(GlobalSetupAttribute));
        try
        {
            double perOperation = typeof(Task).IsAssignableFrom(method.ReturnType)
                ? await MeasureAsync(Compile<Func<Task>>(instance, method)) / (double)attribute.OperationsPerInvoke
                : Measure(Compile<Action>(instance, method)) / (double)attribute.OperationsPerInvoke;

            Assert.True(perOperation <= budgetBytes, $"{benchmark} allocates {perOperation:F1} B per operation, over its budget of {budgetBytes} B (benchmarks/allocation-budget.json)");
        }
        finally
        {
            Invoke(type, instance, typeof(GlobalCleanupAttribute));
        }
    }

    private static double Measure(Action run)
    {
        for (int i = 0; i < WarmUps; i++)
        {
            run();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Invocations; i++)
        {
            run();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Invocations;
    }

    private static async Task<double> MeasureAsync(Func<Task> run)
    {
        for (int i = 0; i < 3; i++)
        {
            await run();
        }

        const int invocations = 5;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < invocations; i++)
        {
            await run();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)invocations;
    }

    /// <summary>A delegate calling the benchmark method and dropping a value result without boxing it.</summary>
    private static T Compile<T>(object instance, MethodInfo method)
        where T : Delegate
    {
        Expression call = Expression.Call(Expression.Constant(instance), method);
        Expression body = typeof(T) == typeof(Action) ? Expression.Block(typeof(void), call) : Expression.Convert(call, typeof(Task));
        return Expression.Lambda<T>(body).Compile();
    }

    private static void Invoke(Type type, object instance, Type attribute)
    {
        foreach (MethodInfo method in type.GetMethods().Where(m => m.GetCustomAttribute(attribute) is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static string BudgetFile()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "benchmarks", "allocation-budget.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("benchmarks/allocation-budget.json not found above " + AppContext.BaseDirectory);
    }
}
