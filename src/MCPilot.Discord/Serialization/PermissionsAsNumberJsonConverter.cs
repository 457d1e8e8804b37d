using System.Text.Json;
using System.Text.Json.Serialization;
using MCPilot.Discord.Models;

namespace MCPilot.Discord.Serialization;

/// <summary>Writes a permission set as a JSON integer (reads a string or an integer), for the request fields the spec types as integers.</summary>
internal sealed class PermissionsAsNumberJsonConverter : JsonConverter<DiscordPermissions>
{
    private static readonly SnowflakeJsonConverter Inner = new();

    public override DiscordPermissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => (DiscordPermissions)Inner.Read(ref reader, typeof(ulong), options);

    public override void Write(Utf8JsonWriter writer, DiscordPermissions value, JsonSerializerOptions options)
        => writer.WriteNumberValue((ulong)value);
}
