using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MCPilot.Discord.Models;
using MCPilot.Entities;
using MCPilot.Host.Composition;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Playground.Api;

/// <summary>
/// The playground's page at <c>/</c> (plain HTML and JavaScript, no build step) and the small JSON
/// API behind it: the world, a channel's messages, posting and reacting as a human member, their
/// DMs with the bot, running the bot's slash commands as them, and a server-sent event stream of
/// every change in the playground server and those DMs. Everything goes through FakeDiscord, so it
/// reaches the bot over the Gateway exactly as Discord's events would (messages to entity feeds,
/// DMs to <c>read_dms</c>, interactions to the slash commands, reactions to provenance).
/// </summary>
internal static class PlaygroundEndpoints
{
    public const string ApiPrefix = "/playground/api";

    /// <summary>The most messages a channel read returns (the newest).</summary>
    public const int MaxMessages = 100;

    /// <summary>Discord's longest message.</summary>
    public const int MaxContentLength = 2000;

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["playground.js"] = "text/javascript; charset=utf-8",
        ["playground.css"] = "text/css; charset=utf-8",
    };

    public static void MapPlayground(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/playground/{file}", (string file) => Asset(file));
        var api = app.MapGroup(ApiPrefix);
        api.MapGet("/world", WorldAsync);
        api.MapGet("/channels/{channelId}/messages", Messages);
        api.MapPost("/channels/{channelId}/messages", Post);
        api.MapPost("/channels/{channelId}/messages/{messageId}/reactions", React);
        api.MapGet("/dms/{userId}/messages", DmMessages);
        api.MapPost("/dms/{userId}/messages", PostDm);
        api.MapGet("/commands", (PlaygroundCommandRunner runner) => Results.Json(CommandViews(runner), HostJson.Default.IReadOnlyListPlaygroundCommandView));
        api.MapPost("/commands", RunCommandAsync);
        api.MapGet("/events", (PlaygroundDiscord discord, CancellationToken cancellationToken) => TypedResults.ServerSentEvents(EventsAsync(discord, cancellationToken)));
    }

    private static IResult Asset(string file)
    {
        if (!Assets.TryGetValue(file, out var contentType) || typeof(PlaygroundEndpoints).Assembly.GetManifestResourceStream("playground/" + file) is not { } stream)
        {
            return Results.NotFound();
        }

        return Results.Stream(stream, contentType);
    }

    private static async Task<IResult> WorldAsync(PlaygroundDiscord discord, IEntityStore entities, EntityUrls urls, CancellationToken cancellationToken)
    {
        var state = discord.State;
        var guild = discord.Demo.Guild;
        var present = await entities.ListByGuildAsync(guild.Id, cancellationToken);
        var world = new PlaygroundWorldView(
            Snowflakes.Text(guild.Id),
            guild.Name,
            state.BotUser.Username,
            [.. state.GetChannels(guild.Id).Where(c => c.Type != FakeChannelType.Category).OrderBy(c => c.Position).ThenBy(c => c.Id).Select(PlaygroundChannelView.From)],
            [.. new[] { discord.Demo.Alice, discord.Demo.Bob }.Select(u => new PlaygroundMemberView(Snowflakes.Text(u.Id), u.GlobalName ?? u.Username))],
            [.. present.Select(e => new PlaygroundEntityView(e.Id.ToString(), e.Name, e.AvatarUrl?.ToString(), e.Description, urls.McpUrl(e.Id)))]);
        return Results.Json(world, HostJson.Default.PlaygroundWorldView);
    }

    private static IResult Messages(string channelId, PlaygroundDiscord discord)
    {
        if (FindChannel(discord, channelId) is not { } channel)
        {
            return Error(StatusCodes.Status404NotFound, $"The playground server has no channel {channelId}.");
        }

        var messages = discord.State.GetMessages(channel.Id);
        IReadOnlyList<PlaygroundMessageView> views = [.. messages.Skip(Math.Max(0, messages.Count - MaxMessages)).Select(m => PlaygroundMessageView.From(m, discord.State))];
        return Results.Json(views, HostJson.Default.IReadOnlyListPlaygroundMessageView);
    }

    private static IResult Post(string channelId, PlaygroundPostRequest request, PlaygroundDiscord discord)
    {
        if (FindChannel(discord, channelId) is not { } channel)
        {
            return Error(StatusCodes.Status404NotFound, $"The playground server has no channel {channelId}.");
        }

        if (!PlaygroundChannelView.From(channel).CanPost)
        {
            return Error(StatusCodes.Status400BadRequest, $"#{channel.Name} takes no messages of its own: post in one of its threads.");
        }

        if (FindMember(discord, request.UserId) is not { } author)
        {
            return MemberError(discord);
        }

        if (ContentError(request.Content) is { } contentError)
        {
            return contentError;
        }

        ulong? replyTo = null;
        if (request.ReplyTo is { Length: > 0 } reply)
        {
            if (!ulong.TryParse(reply, NumberStyles.None, CultureInfo.InvariantCulture, out var replyId) || discord.State.GetMessage(replyId)?.ChannelId != channel.Id)
            {
                return Error(StatusCodes.Status400BadRequest, $"replyTo {reply} is not a message of this channel.");
            }

            replyTo = replyId;
        }

        var message = discord.State.PostUserMessage(channel.Id, author.Id, request.Content, replyTo);
        return Results.Json(PlaygroundMessageView.From(message, discord.State), HostJson.Default.PlaygroundMessageView, statusCode: StatusCodes.Status201Created);
    }

    private static IResult React(string channelId, string messageId, PlaygroundReactionRequest request, PlaygroundDiscord discord)
    {
        if (FindChannel(discord, channelId) is not { } channel)
        {
            return Error(StatusCodes.Status404NotFound, $"The playground server has no channel {channelId}.");
        }

        if (!ulong.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || discord.State.GetMessage(id)?.ChannelId != channel.Id)
        {
            return Error(StatusCodes.Status404NotFound, $"#{channel.Name} has no message {messageId}.");
        }

        if (FindMember(discord, request.UserId) is not { } member)
        {
            return MemberError(discord);
        }

        if (string.IsNullOrWhiteSpace(request.Emoji) || request.Emoji.Length > 16)
        {
            return Error(StatusCodes.Status400BadRequest, "emoji must be one Unicode emoji, e.g. ❓.");
        }

        discord.State.AddUserReaction(channel.Id, id, member.Id, request.Emoji.Trim());
        return Results.Json(PlaygroundMessageView.From(discord.State.GetMessage(id)!, discord.State), HostJson.Default.PlaygroundMessageView);
    }

    private static IResult DmMessages(string userId, PlaygroundDiscord discord)
    {
        if (FindMember(discord, userId) is not { } member)
        {
            return MemberError(discord);
        }

        var messages = discord.State.GetDmChannel(member.Id) is { } dm ? discord.State.GetMessages(dm.Id) : [];
        IReadOnlyList<PlaygroundMessageView> views = [.. messages.Skip(Math.Max(0, messages.Count - MaxMessages)).Select(m => PlaygroundMessageView.From(m, discord.State))];
        return Results.Json(views, HostJson.Default.IReadOnlyListPlaygroundMessageView);
    }

    private static IResult PostDm(string userId, PlaygroundPostRequest request, PlaygroundDiscord discord)
    {
        if (FindMember(discord, userId) is not { } member)
        {
            return MemberError(discord);
        }

        if (ContentError(request.Content) is { } contentError)
        {
            return contentError;
        }

        var message = discord.State.SendDirectMessage(member.Id, request.Content);
        return Results.Json(PlaygroundMessageView.From(message, discord.State), HostJson.Default.PlaygroundMessageView, statusCode: StatusCodes.Status201Created);
    }

    private static IReadOnlyList<PlaygroundCommandView> CommandViews(PlaygroundCommandRunner runner) =>
        [.. runner.Commands.Select(c =>
        {
            var options = (c.Definition["options"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>()
                .Select(o => o["required"]?.GetValue<bool>() == true ? $"{o["name"]}:…" : $"[{o["name"]}:…]");
            return new PlaygroundCommandView(c.Name, (string?)c.Definition["description"] ?? "", string.Join(' ', new[] { "/" + c.Name }.Concat(options)));
        })];

    private static async Task<IResult> RunCommandAsync(PlaygroundCommandRequest request, PlaygroundDiscord discord, PlaygroundCommandRunner runner, CancellationToken cancellationToken)
    {
        if (FindChannel(discord, request.ChannelId) is not { } channel)
        {
            return Error(StatusCodes.Status404NotFound, $"The playground server has no channel {request.ChannelId}.");
        }

        if (FindMember(discord, request.UserId) is not { } member)
        {
            return MemberError(discord);
        }

        try
        {
            var result = await runner.RunAsync(channel.Id, member.Id, request.Text ?? "", cancellationToken);
            return Results.Json(result, HostJson.Default.PlaygroundCommandResult);
        }
        catch (PlaygroundCommandException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (TimeoutException e)
        {
            return Error(StatusCodes.Status504GatewayTimeout, e.Message);
        }
    }

    /// <summary>
    /// Every change in the playground server and the members' DMs with the bot, as it happens:
    /// <c>message</c> (new, edited or reacted to), <c>delete</c>, and <c>world</c> (channels or
    /// threads changed: read the world again).
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(PlaygroundDiscord discord, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = discord.State.Events.Subscribe();
        yield return new SseItem<string>("{}", "ready");
        var guildId = discord.Demo.Guild.Id;
        while (await subscription.Reader.WaitToReadAsync(cancellationToken))
        {
            while (subscription.Reader.TryRead(out var dispatch))
            {
                if (!(dispatch.GuildId == guildId || IsMemberDm(discord, dispatch)) || ToEvent(dispatch, discord.State) is not { } item)
                {
                    continue;
                }

                yield return item;
            }
        }
    }

    private static SseItem<string>? ToEvent(FakeDiscordDispatch dispatch, FakeDiscordState state)
    {
        switch (dispatch.Name)
        {
            case "MESSAGE_CREATE" or "MESSAGE_UPDATE" or "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE":
                var id = (string?)(dispatch.Payload["id"] ?? dispatch.Payload["message_id"]);
                return id is not null && ulong.TryParse(id, CultureInfo.InvariantCulture, out var messageId) && state.GetMessage(messageId) is { } message && (message.Flags & (int)MessageFlags.Ephemeral) == 0
                    ? new SseItem<string>(JsonSerializer.Serialize(PlaygroundMessageView.From(message, state), HostJson.Default.PlaygroundMessageView), "message")
                    : null;
            case "MESSAGE_DELETE":
                return new SseItem<string>(dispatch.Payload.ToJsonString(), "delete");
            case "CHANNEL_CREATE" or "CHANNEL_UPDATE" or "CHANNEL_DELETE" or "THREAD_CREATE" or "THREAD_UPDATE" or "THREAD_DELETE":
                return new SseItem<string>("{}", "world");
            default:
                return null;
        }
    }

    /// <summary>Whether a dispatch is about a DM between the bot and a playground member.</summary>
    private static bool IsMemberDm(PlaygroundDiscord discord, FakeDiscordDispatch dispatch) =>
        dispatch.GuildId is null
        && (string?)dispatch.Payload["channel_id"] is { } channel
        && ulong.TryParse(channel, NumberStyles.None, CultureInfo.InvariantCulture, out var channelId)
        && discord.State.GetChannel(channelId)?.RecipientId is { } recipient
        && Members(discord).Any(m => m.Id == recipient);

    private static FakeUser[] Members(PlaygroundDiscord discord) => [discord.Demo.Alice, discord.Demo.Bob];

    private static FakeUser? FindMember(PlaygroundDiscord discord, string? userId) => Members(discord).FirstOrDefault(u => Snowflakes.Text(u.Id) == userId);

    private static IResult MemberError(PlaygroundDiscord discord) =>
        Error(StatusCodes.Status400BadRequest, $"userId must be one of the playground's members: {string.Join(", ", Members(discord).Select(m => $"{m.Id} ({m.GlobalName})"))}.");

    private static IResult? ContentError(string? content) =>
        string.IsNullOrWhiteSpace(content) || content.Length > MaxContentLength
            ? Error(StatusCodes.Status400BadRequest, $"content must have 1 to {MaxContentLength} characters.")
            : null;

    private static FakeChannel? FindChannel(PlaygroundDiscord discord, string channelId) =>
        ulong.TryParse(channelId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && discord.State.GetChannel(id) is { } channel && channel.GuildId == discord.Demo.Guild.Id
            ? channel
            : null;

    private static IResult Error(int status, string message) =>
        Results.Json(new PlaygroundError(message), HostJson.Default.PlaygroundError, statusCode: status);
}
