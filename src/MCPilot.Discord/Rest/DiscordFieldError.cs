namespace MCPilot.Discord.Rest;

/// <summary>One error on one field of a request, from Discord's error tree (e.g. <c>embeds.0.title</c>: BASE_TYPE_MAX_LENGTH).</summary>
/// <param name="Path">The field's path, dotted (<c>embeds.0.title</c>); empty for the request as a whole.</param>
/// <param name="Code">Discord's error code for the field (e.g. <c>BASE_TYPE_REQUIRED</c>).</param>
/// <param name="Message">Discord's message for the field.</param>
public sealed record DiscordFieldError(string Path, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Path.Length == 0 ? "(body)" : Path)}: {Message} ({Code})";
}
