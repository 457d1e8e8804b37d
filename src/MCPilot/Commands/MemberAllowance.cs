namespace MCPilot.Commands;

/// <summary>
/// A token bucket per Discord user (<paramref name="burst"/> tokens, one more every
/// <paramref name="interval"/>), for answers that cost a DM. A user whose bucket has refilled is
/// forgotten, so memory follows the users active within one refill period, not every user ever seen.
/// </summary>
internal sealed class MemberAllowance(int burst, TimeSpan interval, TimeProvider time)
{
    /// <summary>Above this many tracked users, the full buckets are swept out.</summary>
    internal const int SweepAbove = 10_000;

    private readonly Dictionary<ulong, (double Tokens, long At)> _users = [];
    private readonly Lock _gate = new();

    /// <summary>How many users are tracked (their buckets are not full).</summary>
    public int Tracked
    {
        get
        {
            lock (_gate)
            {
                return _users.Count;
            }
        }
    }

    /// <summary>Takes one token from the user's bucket; false when it is empty.</summary>
    public bool TryTake(ulong userId)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var tokens = _users.TryGetValue(userId, out var state) ? Refilled(state, now) : burst;
            if (tokens < 1)
            {
                return false;
            }

            if (_users.Count >= SweepAbove)
            {
                Sweep(now);
            }

            _users[userId] = (tokens - 1, now);
            return true;
        }
    }

    private double Refilled((double Tokens, long At) state, long now) =>
        Math.Min(burst, state.Tokens + (time.GetElapsedTime(state.At, now) / interval));

    private void Sweep(long now)
    {
        foreach (var (user, state) in _users.ToList())
        {
            if (Refilled(state, now) >= burst)
            {
                _users.Remove(user);
            }
        }
    }
}
