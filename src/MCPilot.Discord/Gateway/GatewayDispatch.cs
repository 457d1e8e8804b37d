namespace MCPilot.Discord.Gateway;

/// <summary>
/// One dispatched Gateway event as received: its name, sequence number and the raw UTF-8 JSON of
/// its <c>d</c> field. Typed decoding is left to the consumer, so unknown events pass through.
/// </summary>
/// <param name="ShardId">The shard that received it.</param>
/// <param name="Sequence">Its sequence number within the shard's session.</param>
/// <param name="Type">The event name, e.g. <c>MESSAGE_CREATE</c>.</param>
/// <param name="Data">The UTF-8 JSON of the event's data.</param>
/// <param name="ReceivedAt">When the shard received it.</param>
internal sealed record GatewayDispatch(int ShardId, long Sequence, string Type, ReadOnlyMemory<byte> Data, DateTimeOffset ReceivedAt);
