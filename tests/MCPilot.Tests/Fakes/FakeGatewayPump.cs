using System.Text.Json;
using MCPilot.Routing;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Tests.Fakes;

/// <summary>
/// Stands in for the Gateway client in tests: reads FakeDiscord's dispatches (the same
/// <c>MESSAGE_CREATE</c> JSON its Gateway sends) and routes each through
/// <see cref="DiscordMessageRouter"/>, either when the test drains it or in the background.
/// </summary>
public sealed class FakeGatewayPump : IAsyncDisposable
{
    private readonly FakeDiscordSubscription _subscription;
    private readonly DiscordMessageRouter _router;
    private readonly CancellationTokenSource _stop = new();
    private Task _background = Task.CompletedTask;

    public FakeGatewayPump(FakeDiscordState state, DiscordMessageRouter router)
    {
        _subscription = state.Events.Subscribe();
        _router = router;
    }

    /// <summary>Every route result so far, in order.</summary>
    public List<RouteResult> Routed { get; } = [];

    /// <summary>Routes every MESSAGE_CREATE published so far.</summary>
    public async Task<IReadOnlyList<RouteResult>> DrainAsync()
    {
        var results = new List<RouteResult>();
        while (_subscription.Reader.TryRead(out var dispatch))
        {
            if (await RouteAsync(dispatch, CancellationToken.None) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>Routes MESSAGE_CREATEs as they are published, until disposed.</summary>
    public FakeGatewayPump Start()
    {
        _background = Task.Run(async () =>
        {
            await foreach (var dispatch in _subscription.Reader.ReadAllAsync(_stop.Token))
            {
                await RouteAsync(dispatch, _stop.Token);
            }
        });
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription.Dispose();
        try
        {
            await _background;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task<RouteResult?> RouteAsync(FakeDiscordDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.Name != "MESSAGE_CREATE")
        {
            return null;
        }

        var result = await _router.RouteAsync(JsonSerializer.SerializeToUtf8Bytes(dispatch.Payload), cancellationToken);
        lock (Routed)
        {
            Routed.Add(result);
        }

        return result;
    }
}
