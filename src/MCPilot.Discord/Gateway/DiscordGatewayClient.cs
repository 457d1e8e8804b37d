using System.Globalization;
using System.Threading.Channels;
using MCPilot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// The Gateway client: runs this host's shards and hands every dispatched event to consumers
/// through one bounded channel (<see cref="Events"/>). Shards resume after every drop Discord
/// allows, so a consumer sees each event of a session exactly once, in order per shard.
/// </summary>
public sealed class DiscordGatewayClient : IAsyncDisposable
{
    private readonly string _token;
    private readonly GatewayOptions _options;
    private readonly Func<CancellationToken, Task<GatewayBot>> _getGatewayBot;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly System.Threading.Channels.Channel<GatewayDispatch> _events;
    private readonly IdentifyScheduler _identify;
    private readonly Lock _lock = new();
    private ShardConnection[] _shards = [];
    private Task _completion = Task.CompletedTask;
    private CancellationTokenSource? _stopping;
    private Uri? _gatewayUrl;

    internal DiscordGatewayClient(string token, GatewayOptions options, Func<CancellationToken, Task<GatewayBot>> getGatewayBot, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _token = token;
        _options = options;
        _getGatewayBot = getGatewayBot;
        _time = time;
        _logger = loggerFactory.CreateLogger("MCPilot.Discord.Gateway");
        _identify = new IdentifyScheduler(time, _logger);
        _events = System.Threading.Channels.Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = false,
        });
    }

    /// <summary>Every dispatched event of every shard this host runs, raw (typed decoding is the consumer's).</summary>
    public ChannelReader<GatewayDispatch> Events => _events.Reader;

    /// <summary>The total shard count (known after start).</summary>
    public int ShardCount { get; private set; }

    /// <summary>A snapshot of each shard this host runs.</summary>
    public IReadOnlyList<ShardStatus> Shards => [.. _shards.Select(s => s.Status)];

    /// <summary>Completes when the client stops; faults with <see cref="GatewayFatalException"/> when a shard hits a fatal close code.</summary>
    public Task Completion => _completion;

    /// <summary>
    /// Asks Discord where to connect (<c>GET /gateway/bot</c>), settles the shard count, logs the
    /// session start limit, and starts this host's shards (identifies paced by max_concurrency).
    /// Returns once the shards are started; they connect in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var bot = await _getGatewayBot(cancellationToken).ConfigureAwait(false);
        _gatewayUrl = new Uri(bot.Url, UriKind.Absolute);
        var limit = bot.SessionStartLimit;
        _identify.Update(limit.Total, limit.Remaining, TimeSpan.FromMilliseconds(limit.ResetAfter), limit.MaxConcurrency);

        var count = _options.ShardCount ?? Math.Max(1, bot.Shards);
        var ids = _options.ShardIds.Count == 0 ? Enumerable.Range(0, count).ToArray() : [.. _options.ShardIds.Distinct().Order()];
        var invalid = ids.Where(id => id < 0 || id >= count).ToList();
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException(
                $"MCPilot:Discord:Gateway:ShardIds names shard(s) {string.Join(", ", invalid)}, but there are {count} shards (ids 0 to {count - 1}).");
        }

        lock (_lock)
        {
            if (_stopping is not null)
            {
                throw new InvalidOperationException("The Gateway client is already started.");
            }

            _stopping = new CancellationTokenSource();
            ShardCount = count;
            _shards = [.. ids.Select(id => new ShardConnection(id, count, _token, _options, _identify, GatewayUrlAsync, _events.Writer, _time, _logger))];
        }

        GatewayLog.Starting(_logger, string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))), count, _options.Intents);
        var token = _stopping.Token;
        _completion = RunAllAsync(_shards, token);
    }

    /// <summary>Stops every shard (their sessions stay resumable for a few minutes) and completes <see cref="Events"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        CancellationTokenSource? stopping;
        lock (_lock)
        {
            stopping = _stopping;
        }

        if (stopping is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayFatalException)
        {
            // Already reported through Completion and the log.
        }
    }

    /// <summary>Sends a payload (e.g. a presence update) on a shard, within Discord's 120-per-minute limit.</summary>
    public ValueTask SendAsync(int shardId, GatewayOpCode op, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var shard = _shards.FirstOrDefault(s => s.ShardId == shardId)
            ?? throw new ArgumentOutOfRangeException(nameof(shardId), shardId, "This host does not run that shard.");
        return shard.SendAsync(op, data, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping?.Dispose();
    }

    private ValueTask<Uri> GatewayUrlAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_gatewayUrl!);

    private async Task RunAllAsync(ShardConnection[] shards, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = shards.Select(async shard =>
        {
            try
            {
                await shard.RunAsync(failed.Token).ConfigureAwait(false);
            }
            catch (GatewayFatalException)
            {
                // One fatal shard means the configuration is wrong for all of them: stop the rest.
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }).ToList();
        try
        {
            await Task.WhenAll(runs).ConfigureAwait(false);
        }
        finally
        {
            _events.Writer.TryComplete(runs.Select(r => r.Exception?.InnerException).FirstOrDefault(e => e is not null));
        }
    }
}
