using System.Text.Json;
using System.Text.Json.Serialization;
using MCPilot.Host.Cli.Views;
using MCPilot.Host.Playground;
using MCPilot.Host.Playground.Api;
using MCPilot.Host.Server;
using MCPilot.Host.Status;

namespace MCPilot.Host;

/// <summary>Every JSON shape the host writes or reads (source-generated): CLI output, <c>host.json</c>, status.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HostRuntimeInfo))]
[JsonSerializable(typeof(HostStatusReport))]
[JsonSerializable(typeof(EntityView))]
[JsonSerializable(typeof(IReadOnlyList<EntityView>))]
[JsonSerializable(typeof(GuildPolicyView))]
[JsonSerializable(typeof(IReadOnlyList<GuildPolicyView>))]
[JsonSerializable(typeof(KeyView))]
[JsonSerializable(typeof(IReadOnlyList<KeyView>))]
[JsonSerializable(typeof(IssuedKeyView))]
[JsonSerializable(typeof(MigrationView))]
[JsonSerializable(typeof(DeletedView))]
[JsonSerializable(typeof(PlaygroundFile))]
[JsonSerializable(typeof(PlaygroundWorldView))]
[JsonSerializable(typeof(PlaygroundMessageView))]
[JsonSerializable(typeof(IReadOnlyList<PlaygroundMessageView>))]
[JsonSerializable(typeof(PlaygroundPostRequest))]
[JsonSerializable(typeof(PlaygroundError))]
[JsonSerializable(typeof(PlaygroundReactionRequest))]
[JsonSerializable(typeof(PlaygroundCommandRequest))]
[JsonSerializable(typeof(PlaygroundCommandResult))]
[JsonSerializable(typeof(IReadOnlyList<PlaygroundCommandView>))]
internal sealed partial class HostJson : JsonSerializerContext;
