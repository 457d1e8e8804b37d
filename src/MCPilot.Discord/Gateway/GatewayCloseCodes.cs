namespace MCPilot.Discord.Gateway;

/// <summary>The Gateway's close codes, and what each means for the shard (topics/opcodes-and-status-codes).</summary>
public static class GatewayCloseCodes
{
    /// <summary>The close code MCPilot uses to drop a connection it wants to resume (any code but 1000/1001 keeps the session).</summary>
    public const int ReconnectClose = 4900;

    /// <summary>Decides what to do after a close with <paramref name="code"/> (<see langword="null"/>: no close frame).</summary>
    public static GatewayReconnectAction ActionFor(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayReconnectAction.Stop,
        4007 or 4009 => GatewayReconnectAction.Identify,
        _ => GatewayReconnectAction.Resume,
    };

    /// <summary>Explains a close code for logs and errors: the cause and what to do.</summary>
    /// <param name="code">The close code.</param>
    /// <param name="requestedIntents">The intents the shard identified with, to name the privileged ones.</param>
    public static string Describe(int? code, GatewayIntents requestedIntents = GatewayIntents.None) => code switch
    {
        null => "the connection dropped without a close frame",
        4000 => "4000 unknown error",
        4001 => "4001 unknown opcode (MCPilot sent a payload Discord did not understand)",
        4002 => "4002 decode error (MCPilot sent an invalid payload)",
        4003 => "4003 not authenticated",
        4004 => "4004 authentication failed: the bot token is wrong or was reset. Copy the token from the Developer Portal (your application > Bot > Reset Token) into MCPilot:Discord:Token or DISCORD_TOKEN",
        4005 => "4005 already authenticated",
        4007 => "4007 invalid sequence on resume: starting a new session",
        4008 => "4008 rate limited: MCPilot sent more than 120 payloads in 60 s",
        4009 => "4009 session timed out: starting a new session",
        4010 => "4010 invalid shard: the shard id/count is not valid for this bot. Fix MCPilot:Discord:Gateway:ShardCount and ShardIds, or leave ShardCount unset to use Discord's recommendation",
        4011 => "4011 sharding required: the bot is in too many guilds for one shard. Set MCPilot:Discord:Gateway:ShardCount, or leave it unset to use Discord's recommendation",
        4012 => "4012 invalid API version",
        4013 => $"4013 invalid intents: the intents value {(int)requestedIntents} is not valid. Fix MCPilot:Discord:Gateway:Intents",
        4014 => DisallowedIntents(requestedIntents),
        1000 or 1001 => $"{code} normal closure",
        _ => $"close code {code}",
    };

    private static readonly GatewayIntents[] PrivilegedIntents = [GatewayIntents.MessageContent, GatewayIntents.GuildMembers, GatewayIntents.GuildPresences];

    private static string DisallowedIntents(GatewayIntents requested)
    {
        var privileged = PrivilegedIntents.Where(i => requested.HasFlag(i)).Select(Name).ToList();
        var which = privileged.Count switch
        {
            0 => "a privileged intent",
            1 => $"the {privileged[0]} intent",
            _ => $"one of the {string.Join(", ", privileged)} intents",
        };
        return $"4014 disallowed intents: {which} is not enabled in the Developer Portal. Enable it under your application > Bot > Privileged Gateway Intents, or remove it from MCPilot:Discord:Gateway:Intents";
    }

    private static string Name(GatewayIntents intent) => intent switch
    {
        GatewayIntents.MessageContent => "MESSAGE_CONTENT",
        GatewayIntents.GuildMembers => "GUILD_MEMBERS",
        _ => "GUILD_PRESENCES",
    };
}
