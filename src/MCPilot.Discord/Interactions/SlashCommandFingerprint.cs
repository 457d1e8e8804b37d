using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MCPilot.Discord.Models;

namespace MCPilot.Discord.Interactions;

/// <summary>
/// A hash of a set of command definitions in a normal form: ordered by type and name, with
/// Discord's defaults filled in (type 1, required false, nsfw false, integration types [0],
/// contexts [0, 1, 2], ...)
/// and nothing Discord adds (ids, versions). Two sets with the same fingerprint register the same
/// commands, so the definitions the bot declares can be compared with those Discord returns.
/// </summary>
internal static class SlashCommandFingerprint
{
    /// <summary>
    /// Discord's default for a command without <c>contexts</c>: guild, bot DM and private channel
    /// (0, 1, 2). A GET may answer either null or these three for the same command.
    /// </summary>
    private static readonly int[] AllContexts = [0, 1, 2];

    public static string Of(IEnumerable<ApplicationCommandDefinition> commands) => Hash(commands.Select(c => new Shape(
        c.Type ?? ApplicationCommandType.ChatInput, c.Name, c.Description, c.Options, c.DefaultMemberPermissions, c.Nsfw, c.Contexts, c.IntegrationTypes)));

    public static string Of(IEnumerable<ApplicationCommand> commands) => Hash(commands.Select(c => new Shape(
        c.Type, c.Name, c.Description, c.Options, c.DefaultMemberPermissions, c.Nsfw, c.Contexts, c.IntegrationTypes)));

    private static string Hash(IEnumerable<Shape> shapes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var shape in shapes.OrderBy(s => (int)s.Type).ThenBy(s => s.Name, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteNumber("type", (int)shape.Type);
                w.WriteString("name", shape.Name);
                w.WriteString("description", shape.Description ?? "");
                WriteOptions(w, shape.Options);
                w.WriteString("default_member_permissions", shape.Permissions is { } p ? ((ulong)p).ToString(CultureInfo.InvariantCulture) : null);
                w.WriteBoolean("nsfw", shape.Nsfw ?? false);
                WriteNumbers(w, "contexts", shape.Contexts is { Count: > 0 } contexts ? contexts : AllContexts);
                WriteNumbers(w, "integration_types", shape.IntegrationTypes is { Count: > 0 } types ? types : [0]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan))[..16];
    }

    private static void WriteOptions(Utf8JsonWriter w, IReadOnlyList<ApplicationCommandOption>? options)
    {
        w.WriteStartArray("options");
        foreach (var o in options ?? [])
        {
            w.WriteStartObject();
            w.WriteNumber("type", (int)o.Type);
            w.WriteString("name", o.Name);
            w.WriteString("description", o.Description);
            w.WriteBoolean("required", o.Required ?? false);
            w.WriteStartArray("choices");
            foreach (var choice in o.Choices ?? [])
            {
                w.WriteStartObject();
                w.WriteString("name", choice.Name);
                w.WritePropertyName("value");
                choice.Value.WriteTo(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteOptions(w, o.Options);
            WriteNumbers(w, "channel_types", o.ChannelTypes?.Select(t => (int)t).Order().ToList());
            WriteNumber(w, "min_value", o.MinValue);
            WriteNumber(w, "max_value", o.MaxValue);
            WriteNumber(w, "min_length", o.MinLength);
            WriteNumber(w, "max_length", o.MaxLength);
            w.WriteBoolean("autocomplete", o.Autocomplete ?? false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IReadOnlyList<int>? values)
    {
        if (values is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values.Order())
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private readonly record struct Shape(
        ApplicationCommandType Type,
        string Name,
        string? Description,
        IReadOnlyList<ApplicationCommandOption>? Options,
        DiscordPermissions? Permissions,
        bool? Nsfw,
        IReadOnlyList<int>? Contexts,
        IReadOnlyList<int>? IntegrationTypes);
}
