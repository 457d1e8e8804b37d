using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>The Gateway's log messages. None carries the token.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(100, LogLevel.Information, "Gateway shard {ShardId}/{ShardCount} connecting to {Host} to {Kind}")]
    public static partial void Connecting(ILogger logger, int shardId, int shardCount, string host, string kind);

    [LoggerMessage(101, LogLevel.Information, "Gateway shard {ShardId} ready: session started ({Guilds} guilds)")]
    public static partial void Ready(ILogger logger, int shardId, int guilds);

    [LoggerMessage(102, LogLevel.Information, "Gateway shard {ShardId} resumed its session at sequence {Sequence}")]
    public static partial void Resumed(ILogger logger, int shardId, long? sequence);

    [LoggerMessage(103, LogLevel.Warning, "Gateway shard {ShardId} disconnected ({Cause}); next: {Action} in {Delay}")]
    public static partial void Disconnected(ILogger logger, int shardId, string cause, GatewayReconnectAction action, TimeSpan delay);

    [LoggerMessage(104, LogLevel.Critical, "Gateway shard {ShardId} stopped: {Cause}")]
    public static partial void Fatal(ILogger logger, int shardId, string cause);

    [LoggerMessage(105, LogLevel.Warning, "Gateway shard {ShardId}: zombie connection (no heartbeat ACK within {Interval}); reconnecting to resume")]
    public static partial void Zombie(ILogger logger, int shardId, TimeSpan interval);

    [LoggerMessage(106, LogLevel.Information, "Gateway session start limit: {Remaining}/{Total} left, reset in {ResetAfter}, max concurrency {MaxConcurrency}")]
    public static partial void SessionStartLimit(ILogger logger, int total, int remaining, TimeSpan resetAfter, int maxConcurrency);

    [LoggerMessage(107, LogLevel.Warning, "Gateway session start limit is low: {Remaining}/{Total} identifies left until the reset in {ResetAfter}. At 0 Discord resets the bot token")]
    public static partial void SessionStartLimitLow(ILogger logger, int remaining, int total, TimeSpan resetAfter);

    [LoggerMessage(108, LogLevel.Warning, "Gateway shard {ShardId} waits {Wait} for the session start limit to reset before identifying")]
    public static partial void SessionStartLimitExhausted(ILogger logger, int shardId, TimeSpan wait);

    [LoggerMessage(109, LogLevel.Debug, "Gateway shard {ShardId}: consumers are behind; reading paused until they catch up (heartbeats continue)")]
    public static partial void BackPressure(ILogger logger, int shardId);

    [LoggerMessage(110, LogLevel.Warning, "Gateway shard {ShardId}: invalid session (resumable: {Resumable})")]
    public static partial void InvalidSession(ILogger logger, int shardId, bool resumable);

    [LoggerMessage(111, LogLevel.Information, "Gateway: running shards {ShardIds} of {ShardCount} with intents {Intents}")]
    public static partial void Starting(ILogger logger, string shardIds, int shardCount, GatewayIntents intents);

    [LoggerMessage(112, LogLevel.Warning, "Gateway: could not decode {Type} #{Sequence} (shard {ShardId}); passed on raw: {Error}")]
    public static partial void DecodeFailed(ILogger logger, string type, long sequence, int shardId, string error);

    [LoggerMessage(113, LogLevel.Debug, "Gateway: subscription {Subscription} is full ({Capacity} events); dispatch waits for it")]
    public static partial void SubscriptionFull(ILogger logger, string subscription, int capacity);

    [LoggerMessage(114, LogLevel.Error, "Gateway event handler {Handler} failed on {Event}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string @event);

    [LoggerMessage(115, LogLevel.Critical, "Discord Gateway cannot run: {Cause}")]
    public static partial void CannotRun(ILogger logger, string cause);

    [LoggerMessage(116, LogLevel.Warning, "Gateway: GET /gateway/bot failed ({Error}); retrying in {Delay}")]
    public static partial void StartRetry(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(117, LogLevel.Error, "Gateway subscription filter {Subscription} threw on {Event}; the event was not given to it")]
    public static partial void FilterFailed(ILogger logger, Exception exception, string subscription, string @event);

    [LoggerMessage(118, LogLevel.Critical, "Discord Gateway stopped unexpectedly")]
    public static partial void Crashed(ILogger logger, Exception exception);

    [LoggerMessage(119, LogLevel.Error, "Gateway: {Type} #{Sequence} (shard {ShardId}) could not be applied to the cache; dispatch goes on")]
    public static partial void CacheFailed(ILogger logger, Exception exception, string type, long sequence, int shardId);

    [LoggerMessage(120, LogLevel.Error, "Gateway shard {ShardId}: unexpected error on the connection; dropping it to resume")]
    public static partial void ConnectionError(ILogger logger, Exception exception, int shardId);

    [LoggerMessage(121, LogLevel.Warning, "Gateway shard {ShardId}: READY's resume_gateway_url '{ResumeUrl}' is not a ws:// or wss:// URL; this session resumes through the Gateway URL of GET /gateway/bot instead")]
    public static partial void ResumeUrlUnusable(ILogger logger, int shardId, string resumeUrl);

    [LoggerMessage(122, LogLevel.Error, "Gateway shard {ShardId} failed unexpectedly; restarting it in {Delay} (the other shards run on)")]
    public static partial void ShardCrashed(ILogger logger, Exception exception, int shardId, TimeSpan delay);
}
