using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IAccountStore"/> on SQLite: tables <c>user_account</c> (unique <c>name_key</c> and <c>external_subject</c>)
/// and <c>user_role</c>, whose partial unique index lets an account hold one separated administrator role at most
/// (migration 18). Writes are serialised by the writer, so the name checks before an insert cannot race.
/// </summary>
internal sealed class SqliteAccountStore(SqliteDatabase db) : IAccountStore
{
    private const string Columns =
        "id, user_name, display_name, jurisdiction, enterprise, password_hash, password_history, password_changed_at, must_change_password, failed_sign_ins, locked_until, totp_secret, totp_last_step, recovery_codes, external_subject, is_disabled, created_at, created_by, last_sign_in_at, version";

    /// <inheritdoc />
    public async Task<UserAccount> CreateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        CheckRoles(account);
        (UserAccount? created, string? conflict) = await db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            string? taken = Taken(w.Connection, account, exceptId: null);
            if (taken is not null)
            {
                return ((UserAccount?)null, (string?)taken);
            }

            using SqliteCommand insert = w.Connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO user_account (user_name, name_key, display_name, jurisdiction, enterprise, password_hash, password_history,
                    password_changed_at, must_change_password, failed_sign_ins, locked_until, totp_secret, totp_last_step, recovery_codes,
                    external_subject, is_disabled, created_at, created_by, last_sign_in_at, version)
                VALUES ($name, $key, $display, $jurisdiction, $enterprise, $hash, $history, $changed, $must, $failed, $locked, $totp, $step,
                    $recovery, $external, $disabled, $created, $by, $signIn, 1)
                RETURNING id;
                """;
            Bind(insert, account);
            insert.Parameters.AddWithValue("$name", account.UserName);
            insert.Parameters.AddWithValue("$key", AccountNames.Key(account.UserName));
            insert.Parameters.AddWithValue("$created", SqliteValues.ToColumn(account.CreatedAt));
            insert.Parameters.AddWithValue("$by", account.CreatedBy);
            long id = (long)insert.ExecuteScalar()!;
            WriteRoles(w.Connection, id, account.Roles);
            return ((UserAccount?)(account with { Id = id, Version = 1, Roles = AccountColumns.Normalise(account.Roles) }), (string?)null);
        }), cancellationToken);
        return created ?? throw new AccountConflictException(conflict!);
    }

    /// <inheritdoc />
    public async Task<UserAccount?> UpdateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        CheckRoles(account);
        (UserAccount? updated, string? conflict) = await db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            string? taken = Taken(w.Connection, account, exceptId: account.Id);
            if (taken is not null)
            {
                return ((UserAccount?)null, (string?)taken);
            }

            using SqliteCommand update = w.Connection.CreateCommand();
            update.CommandText = """
                UPDATE user_account SET display_name = $display, jurisdiction = $jurisdiction, enterprise = $enterprise, password_hash = $hash,
                    password_history = $history, password_changed_at = $changed, must_change_password = $must, failed_sign_ins = $failed,
                    locked_until = $locked, totp_secret = $totp, totp_last_step = $step, recovery_codes = $recovery,
                    external_subject = $external, is_disabled = $disabled, last_sign_in_at = $signIn, version = version + 1
                WHERE id = $id AND version = $version;
                """;
            Bind(update, account);
            update.Parameters.AddWithValue("$id", account.Id);
            update.Parameters.AddWithValue("$version", account.Version);
            if (update.ExecuteNonQuery() == 0)
            {
                return ((UserAccount?)null, (string?)null);
            }

            using SqliteCommand clear = w.Connection.CreateCommand();
            clear.CommandText = "DELETE FROM user_role WHERE account_id = $id;";
            clear.Parameters.AddWithValue("$id", account.Id);
            clear.ExecuteNonQuery();
            WriteRoles(w.Connection, account.Id, account.Roles);
            return ((UserAccount?)(account with { Version = account.Version + 1, Roles = AccountColumns.Normalise(account.Roles) }), (string?)null);
        }), cancellationToken);
        return conflict is null ? updated : throw new AccountConflictException(conflict);
    }

    /// <inheritdoc />
    public Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return FindOneAsync("name_key = $value", AccountNames.Key(userName), cancellationToken);
    }

    /// <inheritdoc />
    public Task<UserAccount?> FindAsync(long id, CancellationToken cancellationToken) =>
        FindOneAsync("id = $value", id, cancellationToken);

    /// <inheritdoc />
    public Task<UserAccount?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalSubject);
        return FindOneAsync("external_subject = $value", externalSubject, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        return await ReadAsync(connection, "1 = 1", null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> CountEnabledWithRoleAsync(Role role, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM user_role r JOIN user_account a ON a.id = r.account_id WHERE r.role = $role AND a.is_disabled = 0;
            """;
        command.Parameters.AddWithValue("$role", AccountColumns.RoleCode(role));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<UserAccount?> FindOneAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        IReadOnlyList<UserAccount> found = await ReadAsync(connection, where, value, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<UserAccount>> ReadAsync(SqliteConnection connection, string where, object? value, CancellationToken cancellationToken)
    {
        // One read transaction: the accounts and their roles from the same snapshot.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var accounts = new List<UserAccount>();
        await using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {Columns} FROM user_account WHERE {where} ORDER BY name_key;";
            if (value is not null)
            {
                command.Parameters.AddWithValue("$value", value);
            }

            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                accounts.Add(ReadAccount(reader));
            }
        }

        if (accounts.Count == 0)
        {
            return accounts;
        }

        var roles = accounts.ToDictionary(a => a.Id, _ => new List<Role>());
        await using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = accounts.Count == 1
                ? "SELECT account_id, role FROM user_role WHERE account_id = $id;"
                : "SELECT account_id, role FROM user_role;";
            command.Parameters.AddWithValue("$id", accounts[0].Id);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (roles.TryGetValue(reader.GetInt64(0), out List<Role>? list))
                {
                    list.Add(AccountColumns.ParseRole(reader.GetString(1)));
                }
            }
        }

        return [.. accounts.Select(a => a with { Roles = [.. roles[a.Id].Order()] })];
    }

    private static UserAccount ReadAccount(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        UserName = reader.GetString(1),
        DisplayName = reader.GetString(2),
        Jurisdiction = reader.IsDBNull(3) ? null : RegionCode.Parse(reader.GetString(3)),
        Enterprise = reader.IsDBNull(4) ? null : reader.GetString(4),
        PasswordHash = reader.IsDBNull(5) ? null : reader.GetString(5),
        PasswordHistory = AccountColumns.SplitHashes(reader.GetString(6)),
        PasswordChangedAt = reader.IsDBNull(7) ? null : SqliteValues.ToInstant(reader.GetInt64(7)),
        MustChangePassword = reader.GetInt64(8) != 0,
        FailedSignIns = reader.GetInt32(9),
        LockedUntil = reader.IsDBNull(10) ? null : SqliteValues.ToInstant(reader.GetInt64(10)),
        TotpSecret = reader.IsDBNull(11) ? null : reader.GetString(11),
        TotpLastStep = reader.GetInt64(12),
        RecoveryCodeHashes = AccountColumns.SplitHashes(reader.GetString(13)),
        ExternalSubject = reader.IsDBNull(14) ? null : reader.GetString(14),
        IsDisabled = reader.GetInt64(15) != 0,
        CreatedAt = SqliteValues.ToInstant(reader.GetInt64(16)),
        CreatedBy = reader.GetString(17),
        LastSignInAt = reader.IsDBNull(18) ? null : SqliteValues.ToInstant(reader.GetInt64(18)),
        Version = reader.GetInt64(19),
    };

    private static void Bind(SqliteCommand command, UserAccount account)
    {
        command.Parameters.AddWithValue("$display", account.DisplayName);
        command.Parameters.AddWithValue("$jurisdiction", (object?)account.Jurisdiction?.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("$enterprise", (object?)account.Enterprise ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", (object?)account.PasswordHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$history", AccountColumns.JoinHashes(account.PasswordHistory));
        command.Parameters.AddWithValue("$changed", account.PasswordChangedAt is { } changed ? SqliteValues.ToColumn(changed) : DBNull.Value);
        command.Parameters.AddWithValue("$must", account.MustChangePassword ? 1 : 0);
        command.Parameters.AddWithValue("$failed", account.FailedSignIns);
        command.Parameters.AddWithValue("$locked", account.LockedUntil is { } locked ? SqliteValues.ToColumn(locked) : DBNull.Value);
        command.Parameters.AddWithValue("$totp", (object?)account.TotpSecret ?? DBNull.Value);
        command.Parameters.AddWithValue("$step", account.TotpLastStep);
        command.Parameters.AddWithValue("$recovery", AccountColumns.JoinHashes(account.RecoveryCodeHashes));
        command.Parameters.AddWithValue("$external", (object?)account.ExternalSubject ?? DBNull.Value);
        command.Parameters.AddWithValue("$disabled", account.IsDisabled ? 1 : 0);
        command.Parameters.AddWithValue("$signIn", account.LastSignInAt is { } signIn ? SqliteValues.ToColumn(signIn) : DBNull.Value);
    }

    private static void WriteRoles(SqliteConnection connection, long id, IReadOnlyList<Role> roles)
    {
        using SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO user_role (account_id, role) VALUES ($id, $role);";
        insert.Parameters.AddWithValue("$id", id);
        SqliteParameter role = insert.Parameters.Add("$role", SqliteType.Text);
        foreach (Role r in roles)
        {
            role.Value = AccountColumns.RoleCode(r);
            insert.ExecuteNonQuery();
        }
    }

    // Why the account cannot be stored beside the others, or null.
    private static string? Taken(SqliteConnection connection, UserAccount account, long? exceptId)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT CASE WHEN name_key = $key AND $checkName THEN 'name' ELSE 'subject' END FROM user_account
            WHERE ((name_key = $key AND $checkName) OR external_subject = $external) AND id IS NOT $except LIMIT 1;
            """;
        command.Parameters.AddWithValue("$key", AccountNames.Key(account.UserName));
        command.Parameters.AddWithValue("$checkName", exceptId is null ? 1 : 0);
        command.Parameters.AddWithValue("$external", (object?)account.ExternalSubject ?? DBNull.Value);
        command.Parameters.AddWithValue("$except", (object?)exceptId ?? DBNull.Value);
        return command.ExecuteScalar() switch
        {
            "name" => $"an account named '{account.UserName}' exists already (names are compared without regard to case)",
            "subject" => $"the external identity '{account.ExternalSubject}' is linked to another account",
            _ => null,
        };
    }

    private static void CheckRoles(UserAccount account)
    {
        if (AccountColumns.StoreProblem(account.Roles) is { } problem)
        {
            throw new AccountConflictException(problem);
        }
    }
}
