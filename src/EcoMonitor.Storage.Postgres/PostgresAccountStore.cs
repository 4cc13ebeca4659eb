using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IAccountStore"/> on PostgreSQL: tables <c>user_account</c> (unique <c>name_key</c> and <c>external_subject</c>)
/// and <c>user_role</c>, whose partial unique index lets an account hold one separated administrator role at most
/// (migration 18). A name taken by another node at the same moment is caught by the unique keys (<c>ON CONFLICT</c>).
/// </summary>
internal sealed class PostgresAccountStore(PostgresDatabase db) : IAccountStore
{
    private const string Columns =
        "id, user_name, display_name, jurisdiction, enterprise, password_hash, password_history, password_changed_at, must_change_password, failed_sign_ins, locked_until, totp_secret, totp_last_step, recovery_codes, external_subject, is_disabled, created_at, created_by, last_sign_in_at, version";

    /// <inheritdoc />
    public async Task<UserAccount> CreateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        CheckRoles(account);
        (UserAccount? created, string? conflict) = await db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO user_account (display_name, jurisdiction, enterprise, password_hash, password_history, password_changed_at,
                    must_change_password, failed_sign_ins, locked_until, totp_secret, totp_last_step, recovery_codes, external_subject,
                    is_disabled, last_sign_in_at, user_name, name_key, created_at, created_by, version)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 1)
                ON CONFLICT DO NOTHING
                RETURNING id;
                """, connection, transaction);
            Bind(insert, account);
            insert.Parameters.AddWithValue(account.UserName);
            insert.Parameters.AddWithValue(AccountNames.Key(account.UserName));
            insert.Parameters.AddWithValue(PostgresValues.ToColumn(account.CreatedAt));
            insert.Parameters.AddWithValue(account.CreatedBy);
            if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
            {
                return ((UserAccount?)null, await TakenAsync(connection, transaction, account, cancellationToken));
            }

            await WriteRolesAsync(connection, transaction, id, account.Roles, cancellationToken);
            return (account with { Id = id, Version = 1, Roles = AccountColumns.Normalise(account.Roles) }, (string?)null);
        }, cancellationToken);
        return created ?? throw new AccountConflictException(conflict ?? $"account '{account.UserName}' conflicts with another");
    }

    /// <inheritdoc />
    public async Task<UserAccount?> UpdateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        CheckRoles(account);
        if (account.ExternalSubject is not null
            && await FindByExternalSubjectAsync(account.ExternalSubject, cancellationToken) is { } holder && holder.Id != account.Id)
        {
            throw new AccountConflictException(SubjectTaken(account));
        }

        try
        {
            return await db.InTransactionAsync(0, 0, async (connection, transaction) =>
            {
                await using var update = new NpgsqlCommand("""
                    UPDATE user_account SET display_name = $1, jurisdiction = $2, enterprise = $3, password_hash = $4, password_history = $5,
                        password_changed_at = $6, must_change_password = $7, failed_sign_ins = $8, locked_until = $9, totp_secret = $10,
                        totp_last_step = $11, recovery_codes = $12, external_subject = $13, is_disabled = $14, last_sign_in_at = $15,
                        version = version + 1
                    WHERE id = $16 AND version = $17;
                    """, connection, transaction);
                Bind(update, account);
                update.Parameters.AddWithValue(account.Id);
                update.Parameters.AddWithValue(account.Version);
                if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return null;
                }

                await using (var clear = new NpgsqlCommand("DELETE FROM user_role WHERE account_id = $1;", connection, transaction))
                {
                    clear.Parameters.AddWithValue(account.Id);
                    await clear.ExecuteNonQueryAsync(cancellationToken);
                }

                await WriteRolesAsync(connection, transaction, account.Id, account.Roles, cancellationToken);
                return account with { Version = account.Version + 1, Roles = AccountColumns.Normalise(account.Roles) };
            }, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another node linked the same external identity between the check above and this update.
            throw new AccountConflictException(SubjectTaken(account), exception);
        }
    }

    /// <inheritdoc />
    public Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return FindOneAsync("name_key = $1", AccountNames.Key(userName), cancellationToken);
    }

    /// <inheritdoc />
    public Task<UserAccount?> FindAsync(long id, CancellationToken cancellationToken) =>
        FindOneAsync("id = $1", id, cancellationToken);

    /// <inheritdoc />
    public Task<UserAccount?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalSubject);
        return FindOneAsync("external_subject = $1", externalSubject, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync("true", null, cancellationToken);

    /// <inheritdoc />
    public async Task<int> CountEnabledWithRoleAsync(Role role, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::integer FROM user_role r JOIN user_account a ON a.id = r.account_id WHERE r.role = $1 AND NOT a.is_disabled;", connection);
        command.Parameters.AddWithValue(AccountColumns.RoleCode(role));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<UserAccount?> FindOneAsync(string where, object value, CancellationToken cancellationToken)
    {
        IReadOnlyList<UserAccount> found = await ReadAsync(where, value, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<IReadOnlyList<UserAccount>> ReadAsync(string where, object? value, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        // Accounts and their roles in one statement: one snapshot.
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns}, coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.account_id = a.id), ARRAY[]::text[])
            FROM user_account a WHERE {where} ORDER BY name_key;
            """, connection);
        if (value is not null)
        {
            command.Parameters.AddWithValue(value);
        }

        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new UserAccount
            {
                Id = reader.GetInt64(0),
                UserName = reader.GetString(1),
                DisplayName = reader.GetString(2),
                Jurisdiction = reader.IsDBNull(3) ? null : RegionCode.Parse(reader.GetString(3)),
                Enterprise = reader.IsDBNull(4) ? null : reader.GetString(4),
                PasswordHash = reader.IsDBNull(5) ? null : reader.GetString(5),
                PasswordHistory = AccountColumns.SplitHashes(reader.GetString(6)),
                PasswordChangedAt = reader.IsDBNull(7) ? null : PostgresValues.ToInstant(reader.GetDateTime(7)),
                MustChangePassword = reader.GetBoolean(8),
                FailedSignIns = reader.GetInt32(9),
                LockedUntil = reader.IsDBNull(10) ? null : PostgresValues.ToInstant(reader.GetDateTime(10)),
                TotpSecret = reader.IsDBNull(11) ? null : reader.GetString(11),
                TotpLastStep = reader.GetInt64(12),
                RecoveryCodeHashes = AccountColumns.SplitHashes(reader.GetString(13)),
                ExternalSubject = reader.IsDBNull(14) ? null : reader.GetString(14),
                IsDisabled = reader.GetBoolean(15),
                CreatedAt = PostgresValues.ToInstant(reader.GetDateTime(16)),
                CreatedBy = reader.GetString(17),
                LastSignInAt = reader.IsDBNull(18) ? null : PostgresValues.ToInstant(reader.GetDateTime(18)),
                Version = reader.GetInt64(19),
                Roles = [.. reader.GetFieldValue<string[]>(20).Select(AccountColumns.ParseRole).Order()],
            });
        }

        return accounts;
    }

    // $1..$15 in the order of the UPDATE's SET list.
    private static void Bind(NpgsqlCommand command, UserAccount account)
    {
        command.Parameters.AddWithValue(account.DisplayName);
        command.Parameters.Add(Text(account.Jurisdiction?.Value));
        command.Parameters.Add(Text(account.Enterprise));
        command.Parameters.Add(Text(account.PasswordHash));
        command.Parameters.AddWithValue(AccountColumns.JoinHashes(account.PasswordHistory));
        command.Parameters.Add(Time(account.PasswordChangedAt));
        command.Parameters.AddWithValue(account.MustChangePassword);
        command.Parameters.AddWithValue(account.FailedSignIns);
        command.Parameters.Add(Time(account.LockedUntil));
        command.Parameters.Add(Text(account.TotpSecret));
        command.Parameters.AddWithValue(account.TotpLastStep);
        command.Parameters.AddWithValue(AccountColumns.JoinHashes(account.RecoveryCodeHashes));
        command.Parameters.Add(Text(account.ExternalSubject));
        command.Parameters.AddWithValue(account.IsDisabled);
        command.Parameters.Add(Time(account.LastSignInAt));
    }

    private static NpgsqlParameter<string?> Text(string? value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter<DateTime?> Time(NodaTime.Instant? value) =>
        new() { TypedValue = value is { } instant ? PostgresValues.ToColumn(instant) : null, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static async Task WriteRolesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, IReadOnlyList<Role> roles, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO user_role (account_id, role) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING;", connection, transaction);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(roles.Select(AccountColumns.RoleCode).Distinct().ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> TakenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, UserAccount account, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM user_account WHERE name_key = $1);", connection, transaction);
        command.Parameters.AddWithValue(AccountNames.Key(account.UserName));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!
            ? $"an account named '{account.UserName}' exists already (names are compared without regard to case)"
            : SubjectTaken(account);
    }

    private static string SubjectTaken(UserAccount account) => $"the external identity '{account.ExternalSubject}' is linked to another account";

    private static void CheckRoles(UserAccount account)
    {
        if (AccountColumns.StoreProblem(account.Roles) is { } problem)
        {
            throw new AccountConflictException(problem);
        }
    }
}
