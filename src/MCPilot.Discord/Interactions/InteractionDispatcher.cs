using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Interactions;

/// <summary>
/// Runs the slash command an <c>INTERACTION_CREATE</c> names. Each invocation runs on its own, so
/// a slow command holds up no other; when one has not answered <see cref="SlashCommandOptions.DeferAfter"/>
/// after the interaction arrived, it is deferred for it, inside Discord's 3 seconds. Errors become
/// ephemeral answers (the message of a <see cref="SlashCommandException"/>, or a generic one).
/// </summary>
internal sealed class InteractionDispatcher : IGatewayEventHandler<InteractionCreateEvent>, IAsyncDisposable, IDisposable
{
    private readonly IReadOnlyDictionary<(ApplicationCommandType Type, string Name), ISlashCommand> _commands;
    private readonly IDiscordRestClient _rest;
    private readonly SlashCommandOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];

    public InteractionDispatcher(IEnumerable<ISlashCommand> commands, IDiscordRestClient rest, IOptions<GatewayOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _commands = SlashCommandCatalog.Index(commands);
        _rest = rest;
        _options = options.Value.Commands;
        _time = time;
        _logger = loggerFactory.CreateLogger("MCPilot.Discord.Interactions");
    }

    public ValueTask HandleAsync(InteractionCreateEvent gatewayEvent, CancellationToken cancellationToken)
    {
        var interaction = gatewayEvent.Interaction;
        if (interaction.Type != InteractionType.ApplicationCommand || interaction.Data?.Name is not { } name)
        {
            return ValueTask.CompletedTask;
        }

        var run = Task.Run(() => RunAsync(gatewayEvent, name), CancellationToken.None);
        lock (_lock)
        {
            _running.Add(run);
        }

        _ = run.ContinueWith(t => { lock (_lock) { _running.Remove(t); } }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs one invocation to its end (tests await it).</summary>
    internal async Task RunAsync(InteractionCreateEvent gatewayEvent, string name)
    {
        var cancellationToken = _stopping.Token;
        if (!_commands.TryGetValue(SlashCommandCatalog.KeyOf(gatewayEvent.Interaction.Data?.Type, name), out var command))
        {
            InteractionLog.UnknownCommand(_logger, name);
            var unknown = new SlashCommandContext(gatewayEvent.Interaction, _rest, ephemeral: true);
            await AnswerAsync(unknown, $"/{name} is not a command this bot offers any more. It may take a moment for Discord to show the current ones.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = new SlashCommandContext(gatewayEvent.Interaction, _rest, command.Ephemeral);
        using var finished = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var execution = Task.Run(async () => await command.ExecuteAsync(context, cancellationToken).ConfigureAwait(false), CancellationToken.None);
        var deferIn = gatewayEvent.ReceivedAt + _options.DeferAfter - _time.GetUtcNow();
        var timer = Task.Delay(deferIn > TimeSpan.Zero ? deferIn : TimeSpan.Zero, _time, finished.Token);
        if (await Task.WhenAny(execution, timer).ConfigureAwait(false) == timer && !execution.IsCompleted && context.State == InteractionResponseState.None)
        {
            InteractionLog.Deferred(_logger, name, _options.DeferAfter);
            try
            {
                await context.DeferAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordRestException e)
            {
                InteractionLog.AnswerFailed(_logger, name, e.Message);
            }
        }

        await finished.CancelAsync().ConfigureAwait(false);
        try
        {
            await execution.ConfigureAwait(false);
            if (context.State == InteractionResponseState.None || context.DeferredWithoutAnswer)
            {
                InteractionLog.NoReply(_logger, name);
                await AnswerAsync(context, "Done.", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SlashCommandException e)
        {
            InteractionLog.Refused(_logger, name, e.Message);
            await AnswerAsync(context, e.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            InteractionLog.CommandFailed(_logger, e, name);
            await AnswerAsync(context, $"Something went wrong running /{name}. The bot's log has the details.", cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task AnswerAsync(SlashCommandContext context, string text, CancellationToken cancellationToken)
    {
        try
        {
            await context.ReplyAsync(text, ephemeral: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException or OperationCanceledException)
        {
            InteractionLog.AnswerFailed(_logger, context.CommandName, e.Message);
        }
    }
}
