using MCPilot.Discord.Interactions;
using MCPilot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// Runs the Gateway in a host: subscribes every registered handler before the first event, runs
/// the dispatcher, connects (retrying while Discord cannot be reached), registers slash commands,
/// and — when the token is rejected or a fatal close code arrives — logs what to do and stops
/// the application with exit code 1.
/// </summary>
internal sealed class DiscordGatewayService : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly DiscordGatewayClient _client;
    private readonly GatewayEventDispatcher _dispatcher;
    private readonly SlashCommandRegistrar _registrar;
    private readonly IEnumerable<IGatewayHandlerRegistration> _handlers;
    private readonly IServiceProvider _services;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _tasks = [];

    public DiscordGatewayService(
        DiscordGatewayClient client,
        GatewayEventDispatcher dispatcher,
        SlashCommandRegistrar registrar,
        IEnumerable<IGatewayHandlerRegistration> handlers,
        IServiceProvider services,
        IOptions<GatewayOptions> options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _client = client;
        _dispatcher = dispatcher;
        _registrar = registrar;
        _handlers = handlers;
        _services = services;
        _options = options.Value;
        _time = time;
        _logger = loggerFactory.CreateLogger("MCPilot.Discord.Gateway");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var token = _stopping.Token;
        foreach (var handler in _handlers)
        {
            var subscription = _dispatcher.Subscribe(handler.SubscriptionOptions(_options));
            _tasks.Add(Task.Run(() => RunHandlerAsync(handler, subscription, token), CancellationToken.None));
        }

        _tasks.Add(Task.Run(() => _dispatcher.RunAsync(token), CancellationToken.None));
        _tasks.Add(Task.Run(() => ConnectAndWatchAsync(token), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_tasks).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunHandlerAsync(IGatewayHandlerRegistration handler, GatewaySubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            await handler.RunAsync(_services, subscription, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || _client.Completion.IsCompleted)
        {
            // Stopping, or the client failed (reported by ConnectAndWatchAsync).
        }
        finally
        {
            subscription.Dispose();
        }
    }

    private async Task ConnectAndWatchAsync(CancellationToken cancellationToken)
    {
        var delay = _options.MinReconnectDelay;
        while (true)
        {
            try
            {
                await _client.StartAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is DiscordAuthenticationException or InvalidOperationException)
            {
                _client.FailToStart(e);
                Fail(e.Message);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                GatewayLog.StartRetry(_logger, e.Message, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        _ = Task.Run(() => _registrar.RegisterAsync(cancellationToken), CancellationToken.None);
        try
        {
            await _client.Completion.ConfigureAwait(false);
        }
        catch (GatewayFatalException e)
        {
            Fail(e.Message);
        }
        catch (Exception e)
        {
            GatewayLog.Crashed(_logger, e);
            Fail("the Gateway client stopped unexpectedly: " + e.Message);
        }
    }

    private void Fail(string cause)
    {
        GatewayLog.CannotRun(_logger, cause);
        if (!_options.StopApplicationOnFatalError)
        {
            return;
        }

        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = 1;
        }

        _services.GetService<IHostApplicationLifetime>()?.StopApplication();
    }
}
