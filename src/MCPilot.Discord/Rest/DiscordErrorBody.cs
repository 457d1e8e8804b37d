using System.Text.Json;

namespace MCPilot.Discord.Rest;

/// <summary>Discord's JSON error body (and the 429 body, which adds retry_after and global).</summary>
internal sealed class DiscordErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public JsonElement? Errors { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
