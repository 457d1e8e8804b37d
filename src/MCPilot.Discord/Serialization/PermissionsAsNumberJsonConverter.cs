using System.Text.Json;
using System.Text.Json.Serialization;
using MCPilot.Discord.Models;

namespace MCPilot.Discord.Serialization;

/// <summary>Writes a permission set as a JSON integer, for the request fields the spec types as integers; reads like <see cref="PermissionsJsonConverter"/>.</summary>
internal sealed class PermissionsAsNumberJsonConverter : JsonConverter<DiscordPermissions>
{
    private static readonly PermissionsJsonConverter Reader = new();

    public override DiscordPermissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Reader.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, DiscordPermissions value, JsonSerializerOptions options) => writer.WriteNumberValue((ulong)value);
}
