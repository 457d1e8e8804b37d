namespace MCPilot.Testing.FakeDiscord;

/// <summary>A snapshot of one Gateway session FakeDiscord holds.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="ShardId">The shard it was identified for.</param>
/// <param name="ShardCount">The shard count it was identified with.</param>
/// <param name="Intents">The intents it was identified with.</param>
/// <param name="Sequence">The last sequence number it dispatched (events sent, READY and RESUMED included).</param>
/// <param name="Connected">Whether a connection is attached.</param>
/// <param name="Resumes">How often it was resumed.</param>
/// <param name="Invalidated">Whether it can no longer be resumed.</param>
/// <param name="GuildIds">The guilds its READY listed.</param>
/// <param name="Ordinal">Its place among all sessions started by this FakeDiscord (1 for the first).</param>
public sealed record FakeGatewaySessionInfo(string SessionId, int ShardId, int ShardCount, int Intents, long Sequence, bool Connected, int Resumes, bool Invalidated, IReadOnlyList<ulong> GuildIds, long Ordinal);
