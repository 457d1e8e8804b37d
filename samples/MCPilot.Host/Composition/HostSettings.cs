using MCPilot.Storage.EfCore;

namespace MCPilot.Host.Composition;

/// <summary>What the host settled at composition, before its services were built.</summary>
/// <param name="DataDirectory">The data directory, as a full path (it exists and is writable).</param>
/// <param name="Mode">Playground or real Discord.</param>
/// <param name="GeneratedSecretPath">The playground's generated vault secret file, when the host generated or reused one.</param>
internal sealed record HostSettings(string DataDirectory, HostMode Mode, string? GeneratedSecretPath)
{
    /// <summary>The configuration keys of the Discord token, in the order they are read.</summary>
    public static IReadOnlyList<string> DiscordTokenKeys { get; } = ["MCPilot:Discord:Token", "DISCORD_TOKEN"];

    /// <summary>The configuration key of the storage's data directory, which defaults to the host's.</summary>
    public const string StorageDataDirectoryKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.DataDirectory);

    /// <summary>
    /// The SQLite file the store opens when configuration leaves it the default (provider SQLite, no
    /// connection string: <c>mcpilot.db</c> in <c>MCPilot:Storage:DataDirectory</c>); null otherwise.
    /// </summary>
    public static string? DefaultSqlitePath(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName);
        var provider = storage[nameof(StorageOptions.Provider)];
        if ((!string.IsNullOrWhiteSpace(provider) && !string.Equals(provider.Trim(), nameof(StorageProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrWhiteSpace(storage[nameof(StorageOptions.ConnectionString)])
            || string.IsNullOrWhiteSpace(storage[nameof(StorageOptions.DataDirectory)]))
        {
            return null;
        }

        return new StorageOptions { DataDirectory = storage[nameof(StorageOptions.DataDirectory)]! }.SqlitePath;
    }

    /// <summary>Reads the mode: real Discord when a token is configured.</summary>
    public static HostMode ReadMode(IConfiguration configuration) =>
        DiscordTokenKeys.Any(k => !string.IsNullOrWhiteSpace(configuration[k])) ? HostMode.Discord : HostMode.Playground;
}
