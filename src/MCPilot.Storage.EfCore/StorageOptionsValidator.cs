using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MCPilot.Storage.EfCore;

/// <summary>Cross-field checks of <see cref="StorageOptions"/>; every message names the setting and the fix, never the connection string.</summary>
internal sealed class StorageOptionsValidator(EfStoreRegistration registration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (registration.ConfiguredByHost)
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"MCPilot:Storage:ConnectionString is set, but {registration.ContextType.Name} is configured by the host's own AddDbContext, whose connection MCPilot uses. Remove MCPilot:Storage:ConnectionString (or let AddEfStore configure {registration.ContextType.Name} by not registering it yourself).");
        }

        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"MCPilot:Storage:Provider is '{options.Provider}'; it must be Sqlite or PostgreSql.");
        }

        return options.Provider == StorageProvider.PostgreSql ? ValidatePostgreSql(options) : ValidateSqlite(options);
    }

    private static ValidateOptionsResult ValidatePostgreSql(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("MCPilot:Storage:ConnectionString is required when MCPilot:Storage:Provider is PostgreSql, e.g. \"Host=localhost;Database=mcpilot;Username=mcpilot;Password=...\".");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail("MCPilot:Storage:ConnectionString names no Host: add Host=<server> for PostgreSQL.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"MCPilot:Storage:ConnectionString is not a valid PostgreSQL connection string ({Describe(e)}). See https://www.npgsql.org/doc/connection-string-parameters.html.");
        }
    }

    private static ValidateOptionsResult ValidateSqlite(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                return ValidateOptionsResult.Fail("MCPilot:Storage:ConnectionString names no Data Source: give a file, e.g. \"Data Source=data/mcpilot.db\", or leave it unset to use MCPilot:Storage:DataDirectory.");
            }

            if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
            {
                return ValidateOptionsResult.Fail("MCPilot:Storage:ConnectionString names an in-memory SQLite database, which is lost between connections: give a file, or use AddInMemoryStores() for a store that keeps nothing.");
            }

            if (builder.Mode == SqliteOpenMode.ReadOnly)
            {
                return ValidateOptionsResult.Fail("MCPilot:Storage:ConnectionString opens SQLite read-only (Mode=ReadOnly); MCPilot writes to its store. Remove Mode=ReadOnly.");
            }

            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"MCPilot:Storage:ConnectionString is not a valid SQLite connection string ({Describe(e)}), e.g. \"Data Source=data/mcpilot.db\".");
        }
    }

    /// <summary>The parser's complaint, which names a keyword, never a value.</summary>
    private static string Describe(ArgumentException e) => e.Message.Split('\n')[0].Trim();
}
