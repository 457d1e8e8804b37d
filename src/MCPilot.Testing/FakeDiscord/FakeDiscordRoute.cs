namespace MCPilot.Testing.FakeDiscord;

/// <summary>One REST route FakeDiscord serves.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">Discord's template, without <c>/api/v10</c>.</param>
/// <param name="Handler">The state's handler.</param>
/// <param name="Auth">Who may call it.</param>
/// <param name="Limit">Which rate limit applies.</param>
internal sealed record FakeDiscordRoute(string Method, string Template, Func<FakeRequest, FakeResponse> Handler, FakeRouteAuth Auth, FakeRouteLimit Limit)
{
    /// <summary>The route's major parameter names, by Discord's rules: channel, guild, webhook (+ token), interaction.</summary>
    public string MajorParameter(IReadOnlyDictionary<string, string> values)
    {
        foreach (var name in new[] { "channel_id", "guild_id" })
        {
            if (Template.StartsWith("/" + name.Replace("_id", "s", StringComparison.Ordinal) + "/", StringComparison.Ordinal) && values.TryGetValue(name, out var v))
            {
                return v;
            }
        }

        if (values.TryGetValue("webhook_id", out var webhook))
        {
            return values.TryGetValue("webhook_token", out var token) ? webhook + "/" + token : webhook;
        }

        return values.TryGetValue("interaction_id", out var interaction) ? interaction : "";
    }
}

/// <summary>Who may call a route.</summary>
internal enum FakeRouteAuth
{
    /// <summary>Needs <c>Authorization: Bot &lt;token&gt;</c>.</summary>
    Bot,

    /// <summary>Authorised by the token in the path (webhooks, interaction follow-ups).</summary>
    PathToken,

    /// <summary>An interaction callback: token in the path, outside the global limit.</summary>
    Interaction,
}

/// <summary>Which of <see cref="FakeDiscordRateLimits"/> a route falls under.</summary>
internal enum FakeRouteLimit
{
    Default,
    MessageCreate,
    WebhookExecute,
    Reactions,
}
