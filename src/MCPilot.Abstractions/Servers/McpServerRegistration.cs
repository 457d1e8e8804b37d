using MCPilot.Vault;

namespace MCPilot.Servers;

/// <summary>
/// An MCP server a Discord member registered for the bot's chat. Header and environment values
/// are vault envelopes, bound to (<see cref="Owner"/>, <see cref="Id"/>, <c>headers.{name}</c> /
/// <c>env.{name}</c>); their names are not secret.
/// </summary>
public sealed record McpServerRegistration
{
    /// <summary>The registration's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>A short name, unique within its scope and place, used to prefix its tools.</summary>
    public required string Name { get; init; }

    /// <summary>Who sees its tools.</summary>
    public required McpServerScope Scope { get; init; }

    /// <summary>Whose vault key encrypts its secrets: the member who registered it, or the admin who last edited them.</summary>
    public required OwnerId Owner { get; init; }

    /// <summary>The guild, for <see cref="McpServerScope.Channel"/> and <see cref="McpServerScope.Global"/> (and optionally a user's).</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The channel, for <see cref="McpServerScope.Channel"/>.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>How it is reached.</summary>
    public required McpServerTransport Transport { get; init; }

    /// <summary>The endpoint, for <see cref="McpServerTransport.Http"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>The executable, for <see cref="McpServerTransport.Command"/>.</summary>
    public string? Command { get; init; }

    /// <summary>The command's arguments.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>HTTP headers: name to vault envelope.</summary>
    public IReadOnlyDictionary<string, string> EncryptedHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variables for the command: name to vault envelope.</summary>
    public IReadOnlyDictionary<string, string> EncryptedEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether its tools are offered.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The optimistic-concurrency version (see <see cref="Entities.Entity.Version"/>).</summary>
    public long Version { get; init; }

    /// <summary>The vault field name of a header.</summary>
    public static string HeaderField(string name) => "headers." + name;

    /// <summary>The vault field name of an environment variable.</summary>
    public static string EnvironmentField(string name) => "env." + name;

    /// <summary>
    /// The place of one of this registration's secrets: (<see cref="Owner"/>, <see cref="Id"/> as
    /// 32 hex digits, <paramref name="field"/>), e.g. <c>Binding(HeaderField("Authorization"))</c>.
    /// </summary>
    public SecretBinding Binding(string field) => new(Owner, Id.ToString("N"), field);
}
