using System.Text.Json;

namespace MCPilot.Discord.Models;

/// <summary>One allowed value of a command option (a string, integer or number).</summary>
public sealed class ApplicationCommandOptionChoice
{
    /// <summary>The name shown (1-100 characters).</summary>
    public string Name { get; init; } = "";

    /// <summary>The value sent, as JSON (a string, integer or number).</summary>
    public JsonElement Value { get; init; }
}
