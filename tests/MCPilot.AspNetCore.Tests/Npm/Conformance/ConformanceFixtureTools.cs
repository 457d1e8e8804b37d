using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MCPilot.Activity;
using MCPilot.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static ModelContextProtocol.Protocol.ElicitRequestParams;

// The suite exercises logging, sampling and legacy titled enums of protocol 2025-11-25, which the
// SDK marks obsolete for protocol 2026-07-28.
#pragma warning disable MCP9001, MCP9005

namespace MCPilot.AspNetCore.Tests.Npm.Conformance;

/// <summary>
/// The fixture tools of @modelcontextprotocol/conformance's server scenarios (tools-call-*,
/// elicitation-sep1034-defaults, elicitation-sep1330-enums), served as an entity plugin with
/// <c>AddEntityTools&lt;ConformanceFixtureTools&gt;()</c>, exactly as the suite's descriptions ask.
/// </summary>
[McpServerToolType]
public sealed class ConformanceFixtureTools
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [McpServerTool(Name = "test_simple_text"), Description("Returns simple text content.")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content"), Description("Returns image content.")]
    public static ContentBlock ImageContent() => ImageContentBlock.FromBytes(ConformanceFixtureMedia.Png, "image/png");

    [McpServerTool(Name = "test_audio_content"), Description("Returns audio content.")]
    public static ContentBlock AudioContent() => AudioContentBlock.FromBytes(ConformanceFixtureMedia.Wav, "audio/wav");

    [McpServerTool(Name = "test_embedded_resource"), Description("Returns an embedded resource.")]
    public static ContentBlock EmbeddedResource() => new EmbeddedResourceBlock
    {
        Resource = new TextResourceContents { Uri = "test://embedded-resource", MimeType = "text/plain", Text = "This is an embedded resource content." },
    };

    [McpServerTool(Name = "test_multiple_content_types"), Description("Returns text, image and resource content.")]
    public static IEnumerable<ContentBlock> MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContentBlock.FromBytes(ConformanceFixtureMedia.Png, "image/png"),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents { Uri = "test://mixed-content-resource", MimeType = "application/json", Text = """{"test":"data","value":123}""" },
        },
    ];

    [McpServerTool(Name = "test_tool_with_logging"), Description("Sends three log messages while it runs.")]
    public static async Task<string> ToolWithLogging(McpServer server, CancellationToken cancellationToken)
    {
        await LogAsync(server, "Tool execution started", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await LogAsync(server, "Tool processing data", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await LogAsync(server, "Tool execution completed", cancellationToken);
        return "Tool with logging executed successfully.";
    }

    [McpServerTool(Name = "test_error_handling"), Description("Always fails.")]
    public static string ErrorHandling() => throw new EntityToolException(ToolCallOutcome.Failed, "This tool intentionally returns an error for testing");

    [McpServerTool(Name = "test_tool_with_progress"), Description("Reports progress 0, 50 and 100 of 100.")]
    public static async Task<string> ToolWithProgress(IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken)
    {
        progress.Report(new ProgressNotificationValue { Progress = 0, Total = 100 });
        await Task.Delay(Step, cancellationToken);
        progress.Report(new ProgressNotificationValue { Progress = 50, Total = 100 });
        await Task.Delay(Step, cancellationToken);
        progress.Report(new ProgressNotificationValue { Progress = 100, Total = 100 });
        return "Tool with progress executed successfully.";
    }

    [McpServerTool(Name = "test_sampling"), Description("Asks the client's LLM to answer a prompt.")]
    public static async Task<string> Sampling(McpServer server, [Description("The prompt to send to the LLM")] string prompt, CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Sampling is null)
        {
            throw new EntityToolException(ToolCallOutcome.Failed, "The client does not support sampling.");
        }

        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                MaxTokens = 100,
            },
            cancellationToken);
        return "LLM response: " + string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
    }

    [McpServerTool(Name = "test_elicitation"), Description("Asks the user for a username and an email address.")]
    public static Task<string> Elicitation(McpServer server, [Description("The message to show the user")] string message, CancellationToken cancellationToken) =>
        ElicitAsync(server, message, new Dictionary<string, PrimitiveSchemaDefinition>
        {
            ["username"] = new StringSchema { Description = "User's response" },
            ["email"] = new StringSchema { Description = "User's email address" },
        }, ["username", "email"], "User response: ", cancellationToken);

    [McpServerTool(Name = "test_elicitation_sep1034_defaults"), Description("Elicits values whose schemas carry defaults (SEP-1034).")]
    public static Task<string> ElicitationDefaults(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Please review and update the form fields with defaults", new Dictionary<string, PrimitiveSchemaDefinition>
        {
            ["name"] = new StringSchema { Description = "User name", Default = "John Doe" },
            ["age"] = new NumberSchema { Type = "integer", Description = "User age", Default = 30 },
            ["score"] = new NumberSchema { Description = "User score", Default = 95.5 },
            ["status"] = new UntitledSingleSelectEnumSchema { Description = "User status", Enum = ["active", "inactive", "pending"], Default = "active" },
            ["verified"] = new BooleanSchema { Description = "Verification status", Default = true },
        }, [], "Elicitation completed: ", cancellationToken);

    [McpServerTool(Name = "test_elicitation_sep1330_enums"), Description("Elicits every kind of enum schema (SEP-1330).")]
    public static Task<string> ElicitationEnums(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Please select options from the enum fields", new Dictionary<string, PrimitiveSchemaDefinition>
        {
            ["untitledSingle"] = new UntitledSingleSelectEnumSchema { Description = "Untitled single-select", Enum = ["option1", "option2", "option3"] },
            ["titledSingle"] = new TitledSingleSelectEnumSchema
            {
                Description = "Titled single-select",
                OneOf = [new() { Const = "value1", Title = "First Option" }, new() { Const = "value2", Title = "Second Option" }, new() { Const = "value3", Title = "Third Option" }],
            },
            ["legacyEnum"] = new LegacyTitledEnumSchema { Description = "Legacy titled enum", Enum = ["opt1", "opt2", "opt3"], EnumNames = ["Option One", "Option Two", "Option Three"] },
            ["untitledMulti"] = new UntitledMultiSelectEnumSchema { Description = "Untitled multi-select", Items = new() { Enum = ["option1", "option2", "option3"] } },
            ["titledMulti"] = new TitledMultiSelectEnumSchema
            {
                Description = "Titled multi-select",
                Items = new() { AnyOf = [new() { Const = "value1", Title = "First Choice" }, new() { Const = "value2", Title = "Second Choice" }, new() { Const = "value3", Title = "Third Choice" }] },
            },
        }, [], "Elicitation completed: ", cancellationToken);

    private static ValueTask LogAsync(McpServer server, string message, CancellationToken cancellationToken) =>
        new(server.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams { Level = LoggingLevel.Info, Logger = "conformance", Data = JsonSerializer.SerializeToElement(message, McpJsonUtilities.DefaultOptions) },
            McpJsonUtilities.DefaultOptions,
            cancellationToken));

    private static async Task<string> ElicitAsync(McpServer server, string message, Dictionary<string, PrimitiveSchemaDefinition> properties, IList<string> required, string prefix, CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Elicitation is null)
        {
            throw new EntityToolException(ToolCallOutcome.Failed, "The client does not support elicitation.");
        }

        var result = await server.ElicitAsync(
            new ElicitRequestParams { Message = message, RequestedSchema = new RequestSchema { Properties = properties, Required = required.Count == 0 ? null : required } },
            cancellationToken);
        var content = result.Content is null ? "{}" : JsonSerializer.Serialize(result.Content, McpJsonUtilities.DefaultOptions);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}action={result.Action}, content={content}");
    }
}
