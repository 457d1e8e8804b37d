using System.ComponentModel;
using MCPilot.Tools;
using ModelContextProtocol.Server;

namespace MCPilot.AspNetCore.Tests;

/// <summary>A Discord-free tool that exercises every entity check: policy, content rules, rate limit, arguments.</summary>
[McpServerToolType]
public sealed class TestTools(IEntityContext entity)
{
    [McpServerTool(Name = "post_note", Destructive = false), Description("Posts a note to a channel (test tool).")]
    public string PostNote([Description("Guild id")] ulong guild, [Description("Channel id")] ulong channel, [Description("Text")] string content)
    {
        entity.EnsureChannelAllowed(guild, channel);
        entity.EnsureContentAllowed(content);
        entity.AcquireSend();
        return $"{entity.Entity.Name} noted: {content}";
    }

    [McpServerTool(Name = "add", ReadOnly = true), Description("Adds two numbers (test tool).")]
    public static int Add(int a, int b) => a + b;

    [McpServerTool(Name = "explode"), Description("Fails (test tool).")]
    public static string Explode() => throw new InvalidOperationException("secret internal detail");
}
