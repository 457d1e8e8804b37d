namespace MCPilot.Discord.RateLimiting;

/// <summary>
/// Counts invalid requests (401, 403, and 429 except shared-scope ones) over Discord's rolling
/// 10 minutes, in 60 slots of 10 seconds. Discord bans the IP for a while at 10,000.
/// </summary>
internal sealed class InvalidRequestCounter(TimeProvider time)
{
    /// <summary>Discord's window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private const int Slots = 60;
    private static readonly long SlotSeconds = (long)Window.TotalSeconds / Slots;
    private readonly Lock _gate = new();
    private readonly long[] _slotStart = new long[Slots];
    private readonly int[] _counts = new int[Slots];

    /// <summary>Counts one invalid request and returns the count in the window.</summary>
    public int Increment()
    {
        lock (_gate)
        {
            var slot = CurrentSlot();
            var index = (int)(slot % Slots);
            if (_slotStart[index] != slot)
            {
                _slotStart[index] = slot;
                _counts[index] = 0;
            }

            _counts[index]++;
            return SumLocked(slot);
        }
    }

    /// <summary>Invalid requests in the last 10 minutes.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return SumLocked(CurrentSlot());
            }
        }
    }

    private long CurrentSlot() => time.GetUtcNow().ToUnixTimeSeconds() / SlotSeconds;

    private int SumLocked(long current)
    {
        var sum = 0;
        for (var i = 0; i < Slots; i++)
        {
            if (_slotStart[i] > current - Slots && _slotStart[i] <= current)
            {
                sum += _counts[i];
            }
        }

        return sum;
    }
}
