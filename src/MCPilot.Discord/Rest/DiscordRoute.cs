using System.Globalization;
using System.Text;

namespace MCPilot.Discord.Rest;

/// <summary>
/// One Discord REST route with its parameters: the template (used in logs, metrics and errors,
/// so tokens in the path never leak), the concrete path, and the rate-limit identity (the
/// route with its major parameter: a channel, guild, webhook or interaction).
/// </summary>
internal readonly record struct DiscordRoute
{
    private DiscordRoute(HttpMethod method, string template, string path, string majorParameter, bool botAuth, bool globalExempt)
    {
        Method = method;
        Template = template;
        Path = path;
        MajorParameter = majorParameter;
        BotAuth = botAuth;
        GlobalExempt = globalExempt;
    }

    public HttpMethod Method { get; }

    /// <summary>The template, e.g. <c>/channels/{channel_id}/messages</c>.</summary>
    public string Template { get; }

    /// <summary>The concrete path relative to the API base, escaped, without a leading slash.</summary>
    public string Path { get; }

    /// <summary>The major parameter's value (channel, guild, webhook id or interaction id), or "" for none.</summary>
    public string MajorParameter { get; }

    /// <summary>Whether the request carries the bot token (webhook-token and interaction routes do not).</summary>
    public bool BotAuth { get; }

    /// <summary>Whether the global limit does not apply (interaction endpoints).</summary>
    public bool GlobalExempt { get; }

    /// <summary>The key under which Discord's bucket hash for this route is learned: method and template.</summary>
    public string BucketRoute => Method.Method + " " + Template;

    /// <summary>
    /// Builds a route: <paramref name="values"/> fill the template's placeholders in order
    /// (<see cref="ulong"/>s are formatted; strings are escaped unless they are a
    /// <see cref="PreEscaped"/> segment such as a reaction emoji).
    /// </summary>
    public static DiscordRoute Create(HttpMethod method, string template, params object[] values)
    {
        var expected = template.AsSpan().Count('{');
        if (expected != values.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Route {method.Method} {template} takes {expected} value{(expected == 1 ? "" : "s")}, one per placeholder, not {values.Length}."),
                nameof(values));
        }

        var path = new StringBuilder(template.Length + 32);
        var index = 0;
        var formatted = new string[values.Length];
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '{')
            {
                path.Append(c);
                continue;
            }

            var end = template.IndexOf('}', i);
            var value = values[index] switch
            {
                ulong id => id.ToString(CultureInfo.InvariantCulture),
                PreEscaped segment => segment.Value,
                string s => Uri.EscapeDataString(s),
                var other => throw new ArgumentException($"Unsupported route value {other.GetType().Name}."),
            };
            formatted[index++] = value;
            path.Append(value);
            i = end;
        }

        var major = "";
        var botAuth = true;
        var globalExempt = false;
        if (template.StartsWith("/channels/{", StringComparison.Ordinal) || template.StartsWith("/guilds/{", StringComparison.Ordinal))
        {
            major = formatted[0];
        }
        else if (template.StartsWith("/webhooks/{webhook_id}/{webhook_token}", StringComparison.Ordinal))
        {
            // Webhook-token routes are limited per webhook and token, and need no bot token.
            major = formatted[0] + "/" + formatted[1];
            botAuth = false;
        }
        else if (template.StartsWith("/webhooks/{application_id}/{interaction_token}", StringComparison.Ordinal))
        {
            // Interaction follow-ups: each interaction is its own bucket, outside the global limit.
            major = formatted[1];
            botAuth = false;
            globalExempt = true;
        }
        else if (template.StartsWith("/webhooks/{", StringComparison.Ordinal))
        {
            major = formatted[0];
        }
        else if (template.StartsWith("/interactions/{", StringComparison.Ordinal))
        {
            major = formatted[0];
            botAuth = false;
            globalExempt = true;
        }

        return new DiscordRoute(method, template, path.ToString(1, path.Length - 1), major, botAuth, globalExempt);
    }

    public override string ToString() => Method.Method + " " + Template;

    /// <summary>A path segment that is already escaped.</summary>
    public readonly record struct PreEscaped(string Value);
}
