using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EcoMonitor.Testing;

/// <summary>
/// The PostgreSQL server of a test run, and a fresh database per test. Uses <c>ECOMON_TEST_PG</c> (a connection string
/// of a user allowed to create databases) when set; otherwise starts a private server once per test process from the
/// binaries in <c>/usr/lib/postgresql/*/bin</c>: <c>initdb</c> into a temporary directory, <c>pg_ctl start</c> on a free
/// loopback port (as the <c>postgres</c> user when running as root, since PostgreSQL refuses root), stopped and
/// deleted when the process exits. Durability settings are relaxed on this private server (fsync off): tests check
/// semantics, benchmarks use a real server.
/// </summary>
public sealed class PostgresTestServer
{
    /// <summary>The environment variable naming an existing server to use instead of starting one.</summary>
    public const string ConnectionStringVariable = "ECOMON_TEST_PG";

    private static readonly Lazy<Task<PostgresTestServer>> Shared = new(StartAsync);
    private static int _databases;

    private readonly string _adminConnectionString;

    private PostgresTestServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>
    /// Null when a server can be had (the variable is set or the binaries exist), else why not — a test skips with it
    /// locally; on CI (<c>CI=true</c>) it must fail instead.
    /// </summary>
    public static string? UnavailableReason =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } || FindBinDirectory() is not null
            ? null
            : $"No PostgreSQL: set {ConnectionStringVariable} to a connection string, or install the server (apt-get install postgresql; .ci/install.sh does).";

    /// <summary>True on CI, where a missing server fails the run instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server of this test run, started on first use.</summary>
    public static Task<PostgresTestServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        // Unique on a server shared by several runs (ECOMON_TEST_PG): a process id may be reused, and a crashed run
        // leaves its databases behind. At most 59 characters (PostgreSQL names: 63).
        string name = string.Create(CultureInfo.InvariantCulture, $"ecomon_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}");
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8';", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        string name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresTestServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } given)
        {
            return new PostgresTestServer(given);
        }

        string bin = FindBinDirectory() ?? throw new InvalidOperationException(UnavailableReason);
        bool isRoot = Environment.UserName == "root";
        string directory = Path.Combine(Path.GetTempPath(), "ecomon-pg-" + Guid.NewGuid().ToString("N")[..12]);
        string data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        if (isRoot)
        {
            await RunAsync(isRoot: false, "chown", "postgres:postgres", directory);
        }

        await RunAsync(isRoot, Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
        // The port is free when picked, not when the server binds it: another test process (all projects run at once)
        // may take it in between. Picked after initdb (seconds under load) and picked again if the server cannot bind.
        int port;
        for (int attempt = 1; ; attempt++)
        {
            port = FreeTcpPort.Next();
            string log = Path.Combine(directory, $"server-{attempt}.log");
            string options = string.Create(CultureInfo.InvariantCulture,
                $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB");
            try
            {
                await RunAsync(isRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start");
                break;
            }
            catch (InvalidOperationException) when (attempt < 5 && File.Exists(log) && File.ReadAllText(log).Contains("could not bind", StringComparison.Ordinal))
            {
                // Taken meanwhile: try another port.
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsync(isRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Best effort on the way out: a leftover temporary directory is harmless.
            }
        };
        return new PostgresTestServer(string.Create(CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30"));
    }

    /// <summary>The newest installed server's binaries (Debian layout), or null.</summary>
    private static string? FindBinDirectory()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.GetDirectories(Root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 0)
            .FirstOrDefault();
    }

    private static async Task RunAsync(bool isRoot, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(isRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isRoot)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server holding the inherited pipes: read only until the command itself exits.
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            string message = error.IsCompleted ? await error : "";
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {message}");
        }
    }
}
