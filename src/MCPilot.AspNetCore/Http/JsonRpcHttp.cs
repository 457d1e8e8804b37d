using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace MCPilot.AspNetCore.Http;

/// <summary>
/// Reading JSON-RPC messages from requests and writing JSON-RPC errors: every bad request gets an
/// HTTP status and a JSON-RPC error that says what was wrong and what to do.
/// </summary>
internal static class JsonRpcHttp
{
    /// <summary>JSON-RPC: invalid JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>JSON-RPC: not a valid request object.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The generic server error code of the MCP HTTP transports.</summary>
    public const int ServerError = -32000;

    /// <summary>The code MCP SDKs use for an unknown session.</summary>
    public const int SessionNotFound = -32001;

    /// <summary>SEP-2575: the protocol version is not supported.</summary>
    public const int UnsupportedProtocolVersion = -32022;

    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType = (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));
    private static readonly JsonTypeInfo<JsonRpcError> ErrorType = (JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError));

    /// <summary>Writes a JSON-RPC error with an HTTP status.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, int code, string message, RequestId id = default, JsonNode? data = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        var error = new JsonRpcError { Id = id, Error = new JsonRpcErrorDetail { Code = code, Message = message, Data = data } };
        await context.Response.WriteAsJsonAsync(error, ErrorType, contentType: "application/json", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one JSON-RPC message from a POST body, answering 415 (not JSON), 413 (too large),
    /// 400 with -32700 (invalid JSON) or 400 with -32600 (not a JSON-RPC message, or a batch).
    /// </summary>
    /// <returns>The message, or <see langword="null"/> when an error was written.</returns>
    public static async Task<JsonRpcMessage?> ReadMessageAsync(HttpContext context, long maxBytes)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, InvalidRequest,
                $"Unsupported Media Type: the body must be one JSON-RPC message sent as Content-Type: application/json (it was '{Sanitize(request.ContentType)}').").ConfigureAwait(false);
            return null;
        }

        if (request.ContentLength > maxBytes)
        {
            await WriteTooLargeAsync(context, request.ContentLength.Value, maxBytes).ConfigureAwait(false);
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        var body = await ReadBoundedAsync(request.Body, maxBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteTooLargeAsync(context, null, maxBytes).ConfigureAwait(false);
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ParseError,
                $"Parse error: the body is not valid JSON ({e.Message}). Send one JSON-RPC 2.0 message.").ConfigureAwait(false);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, InvalidRequest,
                    "Invalid Request: JSON-RPC batches are not supported (MCP removed them in protocol 2025-06-18). Send one message per request.").ConfigureAwait(false);
                return null;
            }

            var id = ReadId(root);
            try
            {
                var message = root.Deserialize(MessageType);
                if (message is not null)
                {
                    return message;
                }
            }
            catch (JsonException e)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, InvalidRequest,
                    $"Invalid Request: the body is JSON but not a JSON-RPC 2.0 request, notification or response ({e.Message}). It needs \"jsonrpc\": \"2.0\" and a \"method\" (with an \"id\" for requests).", id).ConfigureAwait(false);
                return null;
            }

            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, InvalidRequest, "Invalid Request: the body is empty or null. Send one JSON-RPC 2.0 message.", id).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Whether the Accept header allows a media type (missing or */* allows all).</summary>
    public static bool Accepts(HttpRequest request, string mediaType)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.MatchesMediaType(mediaType) || a.MediaType.Equals("*/*", StringComparison.Ordinal));
    }

    /// <summary>Sets up a response for server-sent events (no buffering, no compression).</summary>
    public static void StartEventStream(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.ContentEncoding = "identity";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    private static Task WriteTooLargeAsync(HttpContext context, long? length, long maxBytes) =>
        WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, InvalidRequest,
            $"Request too large: the body{(length is { } l ? $" is {l} bytes and" : string.Empty)} exceeds the limit of {maxBytes} bytes (MCPilot:Endpoints:MaxRequestBodyBytes). Send less content per call.");

    private static RequestId ReadId(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id))
        {
            if (id.ValueKind == JsonValueKind.String)
            {
                return new RequestId(id.GetString()!);
            }

            if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number))
            {
                return new RequestId(number);
            }
        }

        return default;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || parsed.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static string Sanitize(string? value) => value is null ? "none" : value.Length > 60 ? value[..60] : value;
}
