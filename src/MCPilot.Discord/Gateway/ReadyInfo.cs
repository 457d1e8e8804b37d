using System.Text.Json;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// What a shard keeps from READY: the session id, the resume URL, and how many guilds it was
/// given. <see cref="ResumeUrl"/> is null when READY's <c>resume_gateway_url</c> is missing or not
/// a <c>ws://</c> or <c>wss://</c> URL (<see cref="RawResumeUrl"/> says what it was): the shard then
/// resumes through the URL of <c>GET /gateway/bot</c>.
/// </summary>
internal readonly record struct ReadyInfo(string SessionId, Uri? ResumeUrl, string? RawResumeUrl, int Guilds)
{
    /// <exception cref="JsonException">READY is not JSON, has no <c>session_id</c>, or a field is of the wrong kind.</exception>
    public static ReadyInfo Parse(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        string? sessionId = null, resumeUrl = null;
        var guilds = 0;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("session_id"u8))
            {
                reader.Read();
                sessionId = GatewayJsonValues.NullableString(ref reader, "d.session_id");
            }
            else if (reader.ValueTextEquals("resume_gateway_url"u8))
            {
                reader.Read();
                resumeUrl = GatewayJsonValues.NullableString(ref reader, "d.resume_gateway_url");
            }
            else if (reader.ValueTextEquals("guilds"u8))
            {
                reader.Read();
                var depth = reader.CurrentDepth;
                while (reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == depth + 1)
                    {
                        guilds++;
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (string.IsNullOrEmpty(sessionId))
        {
            throw new JsonException("READY has no session_id.");
        }

        return new ReadyInfo(sessionId, IsWebSocketUrl(resumeUrl, out var url) ? url : null, resumeUrl, guilds);
    }

    /// <summary>Whether <paramref name="value"/> is an absolute <c>ws://</c> or <c>wss://</c> URL.</summary>
    public static bool IsWebSocketUrl(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
    {
        url = Uri.TryCreate(value, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeWs || parsed.Scheme == Uri.UriSchemeWss) ? parsed : null;
        return url is not null;
    }
}
