using System.Globalization;
using System.Threading.Channels;
using GatewayBot = MCPilot.Discord.Models.GatewayBot;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// The Gateway client: runs this host's shards and hands every dispatched event on, in order per
/// shard, through one bounded channel that the event dispatcher (<see cref="IGatewayEventSource"/>)
/// reads. Shards resume after every drop Discord allows, so each event of a session is seen
/// exactly once; when consumers fall behind, shards stop reading while their heartbeats go on.
/// </summary>
public sealed class DiscordGatewayClient : IAsyncDisposable, IDisposable
{
    private readonly string _token;
    private readonly GatewayOptions _options;
    private readonly Func<CancellationToken, Task<GatewayBot>> _getGatewayBot;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<GatewayDispatch> _events;
    private readonly IdentifyScheduler _identify;
    private readonly GatewayEventRate _rate;
    private readonly Random _random;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private ShardConnection[] _shards = [];
    private HashSet<int> _notReady = [];
    private CancellationTokenSource? _stopping;
    private Uri? _gatewayUrl;
    private long _startedAt;

    /// <param name="token">The bot token.</param>
    /// <param name="options">The Gateway settings.</param>
    /// <param name="getGatewayBot"><c>GET /gateway/bot</c>.</param>
    /// <param name="time">The clock of every wait and timestamp.</param>
    /// <param name="loggerFactory">Where logs go.</param>
    /// <param name="random">
    /// The source of jitter (first heartbeat, backoff, invalid-session pause); <see cref="Random.Shared"/>
    /// unless a test passes a seeded one (used by every shard: not thread-safe, so with one shard only).
    /// </param>
    internal DiscordGatewayClient(string token, GatewayOptions options, Func<CancellationToken, Task<GatewayBot>> getGatewayBot, TimeProvider time, ILoggerFactory loggerFactory, Random? random = null)
    {
        _random = random ?? Random.Shared;
        _token = token;
        _options = options;
        _getGatewayBot = getGatewayBot;
        _time = time;
        _logger = loggerFactory.CreateLogger("MCPilot.Discord.Gateway");
        _identify = new IdentifyScheduler(time, _logger, options.IdentifySpacing);
        _rate = new GatewayEventRate(time);
        _events = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = true,
        });
    }

    /// <summary>The total shard count (known after start).</summary>
    public int ShardCount { get; private set; }

    /// <summary>A snapshot of each shard this host runs.</summary>
    public IReadOnlyList<ShardStatus> Shards => [.. Volatile.Read(ref _shards).Select(s => s.Status)];

    /// <summary>Events received per second over the last minute, across this host's shards.</summary>
    public double EventsPerSecond => _rate.PerSecond;

    /// <summary>How long the client has run, or null before start.</summary>
    public TimeSpan? Uptime => Interlocked.Read(ref _startedAt) is var at and > 0 ? _time.GetElapsedTime(at) : null;

    /// <summary>Identifies left before Discord's session start limit, as last known.</summary>
    public int SessionStartsRemaining => _identify.Remaining;

    /// <summary>
    /// Completes when the client stops; faults with <see cref="GatewayFatalException"/> when a shard
    /// hits a fatal close code, and (when run by the hosted service) with the reason it could not
    /// start: a rejected token (<see cref="Rest.DiscordAuthenticationException"/>) or a setting that
    /// contradicts Discord's answer.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <summary>Records why the client cannot run although it never started (the hosted service gave up): faults <see cref="Completion"/>.</summary>
    internal void FailToStart(Exception cause) => _completion.TrySetException(cause);

    /// <summary>Every received dispatch, raw: read by the event dispatcher only.</summary>
    internal ChannelReader<GatewayDispatch> Events => _events.Reader;

    /// <summary>
    /// Waits until every shard of this host has had its session ready (READY or RESUMED) once;
    /// throws the client's failure if it stops first.
    /// </summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken = default)
    {
        var first = await Task.WhenAny(_ready.Task, _completion.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (first == _completion.Task && !_ready.Task.IsCompleted)
        {
            await _completion.Task.ConfigureAwait(false);
            throw new InvalidOperationException("The Gateway client stopped before its shards were ready.");
        }
    }

    /// <summary>
    /// Asks Discord where to connect (<c>GET /gateway/bot</c>), settles the shard count, logs the
    /// session start limit, and starts this host's shards (identifies paced by max_concurrency, in
    /// shard order). Returns once the shards are started; they connect in the background.
    /// </summary>
    /// <exception cref="Rest.DiscordAuthenticationException">The token was rejected.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_stopping is not null)
            {
                throw new InvalidOperationException("The Gateway client is already started; a stopped client cannot be started again.");
            }
        }

        var bot = await _getGatewayBot(cancellationToken).ConfigureAwait(false);
        if (!ReadyInfo.IsWebSocketUrl(bot.Url, out var url))
        {
            throw new InvalidOperationException($"GET /gateway/bot answered '{bot.Url}', which is not a ws:// or wss:// URL. Check MCPilot:Discord:ApiBaseUrl points at Discord's API.");
        }

        var limit = bot.SessionStartLimit;
        _identify.Update(limit.Total, limit.Remaining, TimeSpan.FromMilliseconds(limit.ResetAfter), limit.MaxConcurrency);
        var count = _options.ShardCount ?? Math.Max(1, bot.Shards);
        int[] ids = _options.ShardIds.Count == 0 ? [.. Enumerable.Range(0, count)] : [.. _options.ShardIds.Distinct().Order()];
        var invalid = ids.Where(id => id < 0 || id >= count).ToList();
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException(
                $"MCPilot:Discord:Gateway:ShardIds names shard(s) {string.Join(", ", invalid)}, but there are {count} shards (ids 0 to {count - 1}). Fix ShardIds, or set ShardCount.");
        }

        ShardConnection[] shards;
        lock (_lock)
        {
            if (_stopping is not null)
            {
                throw new InvalidOperationException("The Gateway client is already started.");
            }

            _stopping = new CancellationTokenSource();
            _gatewayUrl = url;
            ShardCount = count;
            _notReady = [.. ids];
            shards = [.. ids.Select(id => new ShardConnection(id, count, _token, _options, _identify, GatewayUrlAsync, _events.Writer, OnShardReady, _rate, _random, _time, _logger))];
            Volatile.Write(ref _shards, shards);
        }

        Interlocked.Exchange(ref _startedAt, _time.GetTimestamp());
        _identify.Plan(ids);
        GatewayLog.Starting(_logger, string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))), count, _options.Intents);
        _ = RunAllAsync(shards, _stopping.Token);
    }

    /// <summary>Stops every shard (their sessions stay resumable for a few minutes) and completes the event stream.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        CancellationTokenSource? stopping;
        lock (_lock)
        {
            stopping = _stopping;
        }

        if (stopping is null)
        {
            _events.Writer.TryComplete();
            _completion.TrySetResult();
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await _completion.Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Sends a payload (e.g. a presence update) on a shard, within Discord's 120-per-minute limit.</summary>
    /// <param name="shardId">The shard to send on.</param>
    /// <param name="op">The opcode, e.g. <see cref="GatewayOpCode.PresenceUpdate"/>.</param>
    /// <param name="data">The already-serialised JSON of <c>d</c>.</param>
    /// <param name="cancellationToken">Cancels the wait for a send slot.</param>
    public ValueTask SendAsync(int shardId, GatewayOpCode op, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var shard = Volatile.Read(ref _shards).FirstOrDefault(s => s.ShardId == shardId)
            ?? throw new ArgumentOutOfRangeException(nameof(shardId), shardId, "This host does not run that shard.");
        return shard.SendAsync(op, data, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping?.Dispose();
    }

    /// <summary>Stops the shards without waiting for them (prefer <see cref="DisposeAsync"/> or <see cref="StopAsync"/>).</summary>
    public void Dispose()
    {
        CancellationTokenSource? stopping;
        lock (_lock)
        {
            stopping = _stopping;
        }

        stopping?.Cancel();
        _events.Writer.TryComplete();
    }

    private ValueTask<Uri> GatewayUrlAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_gatewayUrl!);

    private void OnShardReady(int shardId)
    {
        lock (_lock)
        {
            if (_notReady.Remove(shardId) && _notReady.Count == 0)
            {
                _ready.TrySetResult();
            }
        }
    }

    private async Task RunAllAsync(ShardConnection[] shards, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? error = null;
        var runs = shards.Select(async shard =>
        {
            var crashes = 0;
            while (!failed.IsCancellationRequested)
            {
                try
                {
                    await shard.RunAsync(failed.Token).ConfigureAwait(false);
                    return;
                }
                catch (GatewayFatalException e)
                {
                    // A fatal close code means the configuration is wrong for every shard: stop the rest.
                    Interlocked.CompareExchange(ref error, e, null);
                    await failed.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (!failed.IsCancellationRequested)
                {
                    // Not a reason to stop this shard, let alone the others: its session stays resumable.
                    crashes++;
                    var delay = TimeSpan.FromTicks(Math.Min(_options.MinReconnectDelay.Ticks << Math.Min(crashes - 1, 20), _options.MaxReconnectDelay.Ticks));
                    GatewayLog.ShardCrashed(_logger, e, shard.ShardId, delay);
                    await Task.Delay(delay, _time, failed.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                catch (Exception)
                {
                    // Stopping.
                    return;
                }
            }
        }).ToList();
        await Task.WhenAll(runs).ConfigureAwait(false);
        _events.Writer.TryComplete(error);
        if (error is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(error);
        }
    }
}
