using System.Text.Json;
using MCPilot.Host.Composition;

namespace MCPilot.Host.Playground;

/// <summary>
/// What the playground remembers across restarts, in <c>{data directory}/playground.json</c>
/// (owner-only): its demo entity, that entity's API key (so that a client configured once keeps
/// working; a real deployment never stores keys, only their hashes), and the ids of the last
/// FakeDiscord world, whose server and channels get new ids at every start.
/// </summary>
/// <param name="DemoEntityId">The demo entity.</param>
/// <param name="DemoKey">The demo entity's API key.</param>
/// <param name="GuildId">The last playground server's id.</param>
/// <param name="Channels">The last playground's channels and threads, by name.</param>
internal sealed record PlaygroundFile(Guid DemoEntityId, string DemoKey, ulong GuildId, IReadOnlyDictionary<string, ulong> Channels)
{
    public const string FileName = "playground.json";

    /// <summary>Names the record without the key.</summary>
    public override string ToString() => $"PlaygroundFile(entity {DemoEntityId:N}, server {GuildId}, key hidden)";

    public static PlaygroundFile? TryRead(string dataDirectory)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(dataDirectory, FileName)), HostJson.Default.PlaygroundFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string dataDirectory)
    {
        using var stream = OwnerOnlyFile.Create(Path.Combine(dataDirectory, FileName));
        JsonSerializer.Serialize(stream, this, HostJson.Default.PlaygroundFile);
    }
}
