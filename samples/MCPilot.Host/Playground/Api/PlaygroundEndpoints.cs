using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MCPilot.Entities;
using MCPilot.Host.Composition;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Playground.Api;

/// <summary>
/// The playground's page at <c>/</c> (plain HTML and JavaScript, no build step) and the small JSON
/// API behind it: the world, a channel's messages, posting as a human member, and a server-sent
/// event stream of every change in the playground server. Once the Gateway feeds the entity router,
/// a message posted here reaches the entities' feeds like any Discord message.
/// </summary>
internal static class PlaygroundEndpoints
{
    public const string ApiPrefix = "/playground/api";

    /// <summary>The most messages a channel read returns (the newest).</summary>
    public const int MaxMessages = 100;

    /// <summary>Discord's longest message.</summary>
    public const int MaxContentLength = 2000;

    private const int EphemeralFlag = 64;

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

        var members = new[] { discord.Demo.Alice, discord.Demo.Bob };
        if (members.FirstOrDefault(u => Snowflakes.Text(u.Id) == request.UserId) is not { } author)
        {
            return Error(StatusCodes.Status400BadRequest, $"userId must be one of the playground's members: {string.Join(", ", members.Select(m => $"{m.Id} ({m.GlobalName})"))}.");
        }

        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > MaxContentLength)
        {
            return Error(StatusCodes.Status400BadRequest, $"content must have 1 to {MaxContentLength} characters.");
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

    /// <summary>
    /// Every change in the playground server, as it happens: <c>message</c> (new, edited or reacted
    /// to), <c>delete</c>, and <c>world</c> (channels or threads changed: read the world again).
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
                if (dispatch.GuildId != guildId || ToEvent(dispatch, discord.State) is not { } item)
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
                return id is not null && ulong.TryParse(id, CultureInfo.InvariantCulture, out var messageId) && state.GetMessage(messageId) is { } message && (message.Flags & EphemeralFlag) == 0
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

    private static FakeChannel? FindChannel(PlaygroundDiscord discord, string channelId) =>
        ulong.TryParse(channelId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && discord.State.GetChannel(id) is { } channel && channel.GuildId == discord.Demo.Guild.Id
            ? channel
            : null;

    private static IResult Error(int status, string message) =>
        Results.Json(new PlaygroundError(message), HostJson.Default.PlaygroundError, statusCode: status);
}
