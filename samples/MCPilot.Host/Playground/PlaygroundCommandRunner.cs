using MCPilot.Discord.Gateway;
using MCPilot.Discord.Interactions;
using MCPilot.Discord.Models;
using MCPilot.Host.Playground.Api;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.Options;

namespace MCPilot.Host.Playground;

/// <summary>
/// Runs a slash command as a playground member, the way Discord would: FakeDiscord sends the bot an
/// <c>INTERACTION_CREATE</c> over the Gateway, the bot answers through the interaction endpoints,
/// and the answer (ephemeral or not) is read back for the page.
/// </summary>
internal sealed class PlaygroundCommandRunner(PlaygroundDiscord discord, IEnumerable<ISlashCommand> botCommands, IOptions<GatewayOptions> gateway, TimeProvider time)
{
    /// <summary>How long the bot has to answer, deferral included (Discord waits 3 s for the first answer, a deferred one up to 15 minutes).</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>After the answer, how long to keep collecting follow-ups of the same invocation.</summary>
    public static readonly TimeSpan FollowupGrace = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>The commands the bot registered (globally or in the playground server).</summary>
    public IReadOnlyList<FakeCommand> Commands =>
        [.. discord.State.GetCommands().Concat(discord.State.GetCommands(discord.Demo.Guild.Id)).GroupBy(c => c.Name).Select(g => g.Last()).OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Whether FakeDiscord has every slash command of the bot, which registers them once its Gateway
    /// is connected (always true when <c>MCPilot:Discord:Gateway:Commands:RegisterOnStart</c> is false).
    /// </summary>
    public bool BotCommandsRegistered
    {
        get
        {
            if (!gateway.Value.Commands.RegisterOnStart)
            {
                return true;
            }

            var registered = Commands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            return botCommands.All(c => registered.Contains(c.Definition.Name));
        }
    }

    /// <summary>Completes once <see cref="BotCommandsRegistered"/> is true.</summary>
    public async Task WaitBotCommandsRegisteredAsync(CancellationToken cancellationToken)
    {
        while (!BotCommandsRegistered)
        {
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    /// <summary>Parses and runs <paramref name="text"/> in <paramref name="channelId"/> as <paramref name="userId"/>; returns the bot's answer.</summary>
    /// <exception cref="PlaygroundCommandException">The text is not a valid invocation.</exception>
    /// <exception cref="TimeoutException">The bot did not answer in time.</exception>
    public Task<PlaygroundCommandResult> RunAsync(ulong channelId, ulong userId, string text, CancellationToken cancellationToken)
    {
        var (name, options) = PlaygroundCommandText.Parse(text, Commands);
        return RunAsync(channelId, userId, name, options, cancellationToken);
    }

    /// <summary>Runs the command <paramref name="name"/> with <paramref name="options"/> as given (unchecked, as a misbehaving client could send them).</summary>
    /// <exception cref="TimeoutException">The bot did not answer in time.</exception>
    public async Task<PlaygroundCommandResult> RunAsync(ulong channelId, ulong userId, string name, IReadOnlyDictionary<string, object> options, CancellationToken cancellationToken)
    {
        var state = discord.State;
        var interaction = state.CreateInteraction(channelId, userId, name, options);
        var deadline = time.GetUtcNow() + AnswerTimeout;
        while (!IsAnswered(state, interaction.Id))
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"The bot did not answer /{name} within {AnswerTimeout.TotalSeconds:0} s: see the host's log.");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }

        await Task.Delay(FollowupGrace, time, cancellationToken);
        var answered = state.GetInteraction(interaction.Id)!;
        var original = answered.OriginalMessageId is { } id ? state.GetMessage(id) : null;
        var messages = new[] { original }.Concat(answered.FollowupMessageIds.Select(state.GetMessage)).OfType<FakeMessage>().ToList();
        return new PlaygroundCommandResult(name, original is null || (original.Flags & (int)MessageFlags.Ephemeral) != 0, [.. messages.Select(m => m.Content)]);
    }

    private static bool IsAnswered(FakeDiscordState state, ulong interactionId) =>
        state.GetInteraction(interactionId) is { ResponseType: { } type } answered
        && (type != 5 || (answered.OriginalMessageId is { } id && state.GetMessage(id) is { } message && (message.Flags & (int)MessageFlags.Loading) == 0));
}
