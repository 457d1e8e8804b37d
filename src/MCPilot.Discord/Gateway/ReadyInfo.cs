using System.Text.Json;

namespace MCPilot.Discord.Gateway;

/// <summary>What a shard keeps from READY: the session id, the resume URL, and how many guilds it was given.</summary>
internal readonly record struct ReadyInfo(string SessionId, Uri ResumeUrl, int Guilds)
{
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
                sessionId = reader.GetString();
            }
            else if (reader.ValueTextEquals("resume_gateway_url"u8))
            {
                reader.Read();
                resumeUrl = reader.GetString();
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

        if (sessionId is null || resumeUrl is null || !Uri.TryCreate(resumeUrl, UriKind.Absolute, out var url))
        {
            throw new JsonException("READY lacks session_id or a valid resume_gateway_url.");
        }

        return new ReadyInfo(sessionId, url, guilds);
    }
}
