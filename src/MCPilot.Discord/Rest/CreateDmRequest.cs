namespace MCPilot.Discord.Rest;

/// <summary>The body of <c>POST /users/@me/channels</c>.</summary>
internal sealed class CreateDmRequest
{
    public ulong RecipientId { get; init; }
}
