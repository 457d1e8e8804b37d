using System.Text.Json;
using System.Text.Json.Serialization;
using MCPilot.Discord.Models;

namespace MCPilot.Discord.Serialization;

/// <summary>Permission bitfields are decimal strings on the wire.</summary>
internal sealed class PermissionsJsonConverter : JsonConverter<DiscordPermissions>
{
    private static readonly SnowflakeJsonConverter Inner = new();

    public override DiscordPermissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => (DiscordPermissions)Inner.Read(ref reader, typeof(ulong), options);

    public override void Write(Utf8JsonWriter writer, DiscordPermissions value, JsonSerializerOptions options)
        => Inner.Write(writer, (ulong)value, options);
}
