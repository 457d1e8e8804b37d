namespace MCPilot.Crypto.Tests;

public sealed class DerivedKeyCacheTests
{
    [Fact]
    public void Evict_LeastRecentlyUsed_IsDroppedFirst()
    {
        using var cache = new DerivedKeyCache(2, TimeSpan.FromMinutes(5), TimeProvider.System);
        cache.Add("k", new OwnerId("a"), Key(1));
        cache.Add("k", new OwnerId("b"), Key(2));
        Span<byte> buffer = stackalloc byte[32];
        Assert.True(cache.TryCopy("k", new OwnerId("a"), buffer));

        cache.Add("k", new OwnerId("c"), Key(3));

        Assert.True(cache.TryCopy("k", new OwnerId("a"), buffer));
        Assert.Equal(1, buffer[0]);
        Assert.False(cache.TryCopy("k", new OwnerId("b"), buffer));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Expire_AfterLifetime_IsDropped()
    {
        var time = new ManualTime();
        using var cache = new DerivedKeyCache(8, TimeSpan.FromMinutes(5), time);
        cache.Add("k", new OwnerId("a"), Key(1));
        Span<byte> buffer = stackalloc byte[32];

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(cache.TryCopy("k", new OwnerId("a"), buffer));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(cache.TryCopy("k", new OwnerId("a"), buffer));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void RemoveOwner_DropsThatOwnerUnderEveryKeyOnly()
    {
        using var cache = new DerivedKeyCache(8, TimeSpan.FromMinutes(5), TimeProvider.System);
        cache.Add("k1", new OwnerId("a"), Key(1));
        cache.Add("k2", new OwnerId("a"), Key(2));
        cache.Add("k1", new OwnerId("b"), Key(3));

        cache.RemoveOwner(new OwnerId("a"));

        Assert.Equal(1, cache.Count);
        Span<byte> buffer = stackalloc byte[32];
        Assert.True(cache.TryCopy("k1", new OwnerId("b"), buffer));
    }

    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
