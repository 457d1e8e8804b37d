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

    /// <summary>Reads the mode: real Discord when a token is configured.</summary>
    public static HostMode ReadMode(IConfiguration configuration) =>
        DiscordTokenKeys.Any(k => !string.IsNullOrWhiteSpace(configuration[k])) ? HostMode.Discord : HostMode.Playground;
}
