using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace MCPilot.Discord.Rest;

/// <summary>
/// Discord refused a request. Carries the HTTP status, Discord's JSON error <see cref="Code"/>
/// and message, and the field error tree (<see cref="Errors"/>, flattened in
/// <see cref="FieldErrors"/>). The message names the route template, never a token.
/// </summary>
public class DiscordRestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordRestException(string message, HttpStatusCode statusCode, int code, string? discordMessage, string route, JsonElement? errors = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
        DiscordMessage = discordMessage ?? "";
        Route = route;
        Errors = errors;
        FieldErrors = errors is { } tree ? Flatten(tree) : [];
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (<see cref="DiscordErrorCodes"/>), 0 when there was none.</summary>
    public int Code { get; }

    /// <summary>Discord's own message.</summary>
    public string DiscordMessage { get; }

    /// <summary>The method and route template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Route { get; }

    /// <summary>The raw field error tree, when Discord sent one.</summary>
    public JsonElement? Errors { get; }

    /// <summary>The field errors, one per field and error.</summary>
    public IReadOnlyList<DiscordFieldError> FieldErrors { get; }

    /// <summary>Builds the exception for an error response.</summary>
    internal static DiscordRestException FromResponse(HttpStatusCode status, int code, string? discordMessage, JsonElement? errors, string route)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Discord answered {(int)status} {status} to {route}")
            .Append(discordMessage is { Length: > 0 } ? $": {discordMessage}" : ".")
            .Append(code != 0 ? $" (code {code.ToString(CultureInfo.InvariantCulture)})" : "");
        var exception = new DiscordRestException(text.ToString(), status, code, discordMessage, route, errors);
        if (exception.FieldErrors.Count > 0)
        {
            var withFields = text.Append(" Field errors: ").AppendJoin("; ", exception.FieldErrors).ToString();
            return new DiscordRestException(withFields, status, code, discordMessage, route, errors);
        }

        return exception;
    }

    private static List<DiscordFieldError> Flatten(JsonElement tree)
    {
        var result = new List<DiscordFieldError>();
        Walk(tree, "", result);
        return result;
    }

    private static void Walk(JsonElement node, string path, List<DiscordFieldError> result)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    var code = error.TryGetProperty("code", out var c) ? c.ToString() : "";
                    var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                    result.Add(new DiscordFieldError(path, code, message));
                }
            }
            else
            {
                Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, result);
            }
        }
    }
}
