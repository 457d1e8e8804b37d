namespace MCPilot.Discord.RateLimiting;

/// <summary>An async mutual-exclusion lock that grants waiters strictly in arrival order (SemaphoreSlim does not promise FIFO).</summary>
internal sealed class AsyncFifoLock
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private bool _held;

    /// <summary>Whether nobody holds or waits for the lock.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return !_held && _waiters.Count == 0;
            }
        }
    }

    /// <summary>How many callers wait behind the holder.</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }

            var waiter = new Waiter();
            var node = _waiters.AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.UnsafeRegister(
                    static (state, token) =>
                    {
                        var (owner, node) = ((AsyncFifoLock, LinkedListNode<Waiter>))state!;
                        owner.Cancel(node, token);
                    },
                    (this, node));
            }

            return waiter.Completion.Task;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            if (_waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                first.Value.Registration.Unregister();
                first.Value.Completion.TrySetResult();
            }
            else
            {
                _held = false;
            }
        }
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken token)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return;
            }

            _waiters.Remove(node);
        }

        node.Value.Completion.TrySetCanceled(token);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
