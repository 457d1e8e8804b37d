using System.Diagnostics;
using System.Text.Json;
using MCPilot.Activity;
using MCPilot.Diagnostics;
using MCPilot.DiscordTools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// Wraps every <c>tools/call</c> of an entity session: makes the entity context available to the
/// tool, enforces the tool allow-list, turns policy, rate-limit, argument and Discord failures into MCP tool
/// errors (<c>isError: true</c> with a message for the model, never an HTTP 500), and writes one
/// audit record per call (entity, tool, outcome, duration).
/// </summary>
internal sealed partial class EntityCallFilter
{
    private const int MaxDetailLength = 200;

    private static readonly System.Diagnostics.Metrics.Histogram<double> CallDuration =
        MCPilotDiagnostics.Meter.CreateHistogram<double>("mcpilot.entity.tool_call.duration", "s", "Duration of entity tool calls.");

    private readonly IToolCallAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EntityCallFilter(IToolCallAuditLog audit, TimeProvider time, ILogger<EntityCallFilter> logger)
    {
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>Sets the request's entity context (a scoped service) for tools, prompts and resources.</summary>
    public static void Attach(MessageContext request, IEntityContext context) =>
        request.Services?.GetService<EntityContextAccessor>()?.Current = context;

    /// <summary>A filter that sets the request's entity context (for plugin prompts and resources).</summary>
    public static McpRequestFilter<TParams, TResult> Attaching<TParams, TResult>(IEntityContext context) => next => (request, cancellationToken) =>
    {
        Attach(request, context);
        return next(request, cancellationToken);
    };

    /// <summary>The <c>tools/call</c> filter of one session.</summary>
    public McpRequestFilter<CallToolRequestParams, CallToolResult> CallTool(IEntityContext context) => next => async (request, cancellationToken) =>
    {
        Attach(request, context);
        var tool = request.Params?.Name ?? string.Empty;
        var started = _time.GetTimestamp();
        using var activity = MCPilotDiagnostics.ActivitySource.StartActivity("mcpilot.entity.tool_call", ActivityKind.Internal);
        activity?.SetTag("mcpilot.entity.id", context.EntityId.ToString());
        activity?.SetTag("mcp.tool.name", tool);
        CallToolResult result;
        ToolCallOutcome outcome;
        string? detail = null;
        try
        {
            var entity = context.Entity;
            if (request.MatchedPrimitive is not null && !entity.MayCall(tool))
            {
                outcome = ToolCallOutcome.Denied;
                detail = "tool not in allow-list";
                var allowed = entity.ToolAllowList is { Count: > 0 } list ? string.Join(", ", list.Order(StringComparer.Ordinal)) : "none";
                result = EntityToolResults.Error($"The tool '{tool}' is not enabled for {entity.Name}. Enabled tools: {allowed}.");
            }
            else
            {
                result = await next(request, cancellationToken).ConfigureAwait(false);
                outcome = result.IsError is true ? ToolCallOutcome.Failed : ToolCallOutcome.Success;
                detail = result.IsError is true ? EntityToolResults.FirstText(result) : null;
            }
        }
        catch (EntityToolException e)
        {
            outcome = e.Outcome;
            detail = e.Message;
            result = EntityToolResults.Error(e.Message);
        }
        catch (Exception e) when (DiscordToolErrors.Translate(e) is { } translated)
        {
            outcome = translated.Outcome;
            detail = translated.Message;
            result = EntityToolResults.Error(translated.Message);
        }
        catch (McpProtocolException e)
        {
            // Unknown tool and the like: a JSON-RPC error is the protocol's answer. Audit it, then let it through.
            await AuditAsync(context, tool, ToolCallOutcome.InvalidArguments, started, e.Message).ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException)
        {
            outcome = ToolCallOutcome.InvalidArguments;
            detail = e.Message;
            result = EntityToolResults.Error($"Invalid arguments for '{tool}': {e.Message} Check the tool's input schema (tools/list) and call it again.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = ToolCallOutcome.Failed;
            var reference = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            detail = e.GetType().Name;
            LogToolFailed(_logger, tool, context.EntityId.ToString(), reference, e);
            result = EntityToolResults.Error($"The tool '{tool}' failed unexpectedly (reference {reference}); the error was logged. Try again later.");
        }

        activity?.SetTag("mcpilot.outcome", outcome.ToString());
        await AuditAsync(context, tool, outcome, started, detail).ConfigureAwait(false);
        return result;
    };

    private async ValueTask AuditAsync(IEntityContext context, string tool, ToolCallOutcome outcome, long started, string? detail)
    {
        var duration = _time.GetElapsedTime(started);
        CallDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        var name = tool.Length > 128 ? tool[..128] : tool;
        var note = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] + "…" : detail;
        try
        {
            await _audit.AppendAsync(new ToolCallRecord(_time.GetUtcNow(), context.EntityId, null, name, outcome, duration, note), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAuditFailed(_logger, name, e);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Entity tool {Tool} of entity {EntityId} failed (reference {Reference}).")]
    private static partial void LogToolFailed(ILogger logger, string tool, string entityId, string reference, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Could not write the audit record of a call to {Tool}.")]
    private static partial void LogAuditFailed(ILogger logger, string tool, Exception exception);
}
