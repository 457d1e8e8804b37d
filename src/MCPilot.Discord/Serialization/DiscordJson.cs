using System.Text.Json;

namespace MCPilot.Discord.Serialization;

/// <summary>
/// Discord's JSON conventions for the models in <c>MCPilot.Discord.Models</c>: snake_case names,
/// snowflakes as strings, unknown fields ignored, nulls not written (<see cref="Optional{T}"/>
/// marks the fields where Discord tells absent from null). Source-generated, no reflection.
/// </summary>
public static class DiscordJson
{
    /// <summary>Options for <see cref="JsonSerializer"/> that read and write Discord's JSON.</summary>
    public static JsonSerializerOptions Options => DiscordJsonContext.Default.Options;
}
