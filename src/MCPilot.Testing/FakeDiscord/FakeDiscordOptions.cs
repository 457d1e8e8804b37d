namespace MCPilot.Testing.FakeDiscord;

/// <summary>How a <see cref="FakeDiscordServer"/> listens, whom it accepts and what it enforces.</summary>
public sealed class FakeDiscordOptions
{
    /// <summary>The environment variable naming one JSON Lines file that every FakeDiscord in the process appends its exchanges to.</summary>
    public const string RecordFileEnvironmentVariable = "MCPILOT_FAKEDISCORD_RECORD";

    /// <summary>The environment variable naming a directory where each FakeDiscord writes its own <c>&lt;unique&gt;.jsonl</c>.</summary>
    public const string RecordDirectoryEnvironmentVariable = "MCPILOT_FAKEDISCORD_RECORD_DIR";

    /// <summary>The address to listen on. Default 127.0.0.1: FakeDiscord is never reachable from the network unless asked.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 (default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The bot token FakeDiscord accepts; null (default) generates a realistic one (see <see cref="FakeDiscordServer.BotToken"/>).</summary>
    public string? BotToken { get; set; }

    /// <summary>The bot user's (and application's) id; 0 (default) generates one.</summary>
    public ulong BotUserId { get; set; }

    /// <summary>The bot's username.</summary>
    public string BotUsername { get; set; } = "MCPilot Fake Bot";

    /// <summary>The rate limits enforced (Discord's by default).</summary>
    public FakeDiscordRateLimits RateLimits { get; set; } = new();

    /// <summary>A JSON Lines file to append every exchange to (overrides <see cref="RecordFileEnvironmentVariable"/>).</summary>
    public string? RecordPath { get; set; }

    /// <summary>A directory to write this instance's own JSON Lines file into (overrides <see cref="RecordDirectoryEnvironmentVariable"/>).</summary>
    public string? RecordDirectory { get; set; }

    /// <summary>Whether to read the recording environment variables when no path is set. Default true.</summary>
    public bool RecordFromEnvironment { get; set; } = true;

    /// <summary>The clock (for rate limits, timestamps, snowflakes and the interaction window). Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The Gateway's behaviour: heartbeat interval, shards, max_concurrency, enabled privileged intents, ...</summary>
    public FakeGatewayOptions Gateway { get; set; } = new();

    /// <summary>How long an interaction may go unanswered before its callback fails with 10062. Default 3 seconds, as on Discord.</summary>
    public TimeSpan InteractionResponseWindow { get; set; } = TimeSpan.FromSeconds(3);
}
