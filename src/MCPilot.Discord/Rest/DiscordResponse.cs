using System.Net;

namespace MCPilot.Discord.Rest;

/// <summary>A Discord answer: its status and body bytes.</summary>
internal sealed record DiscordResponse(HttpStatusCode Status, byte[] Body);
