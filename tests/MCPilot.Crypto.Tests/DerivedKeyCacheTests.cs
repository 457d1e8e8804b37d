using MCPilot.Testing;

namespace MCPilot.Crypto.Tests;

public sealed class DerivedKeyCacheTests
{
    private static readonly OwnerId A = new("a");
    private static readonly OwnerId B = new("b");
    private static readonly OwnerId C = new("c");

    [Fact]
    public void Evict_LeastRecentlyUsed_IsDroppedFirst()
    {
        using var cache = new DerivedKeyCache(2, TimeSpan.FromMinutes(5), TimeProvider.System);
        cache.Add("k", A, 1, Key(1), cache.Generation);
        cache.Add("k", B, 1, Key(2), cache.Generation);
        Span<byte> buffer = stackalloc byte[32];
        Assert.True(cache.TryCopy("k", A, 1, buffer));

        cache.Add("k", C, 1, Key(3), cache.Generation);

        Assert.True(cache.TryCopy("k", A, 1, buffer));
        Assert.Equal(1, buffer[0]);
        Assert.False(cache.TryCopy("k", B, 1, buffer));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Expire_AfterLifetime_IsDropped()
    {
        var time = new ManualTimeProvider();
        using var cache = new DerivedKeyCache(8, TimeSpan.FromMinutes(5), time);
        cache.Add("k", A, 1, Key(1), cache.Generation);
        Span<byte> buffer = stackalloc byte[32];

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(cache.TryCopy("k", A, 1, buffer));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(cache.TryCopy("k", A, 1, buffer));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void RemoveOwner_DropsThatOwnerUnderEveryKeyAndSaltOnly()
    {
        using var cache = new DerivedKeyCache(8, TimeSpan.FromMinutes(5), TimeProvider.System);
        cache.Add("k1", A, 1, Key(1), cache.Generation);
        cache.Add("k2", A, 1, Key(2), cache.Generation);
        cache.Add("k1", A, 2, Key(3), cache.Generation);
        cache.Add("k1", B, 1, Key(4), cache.Generation);

        cache.RemoveOwner(A);

        Assert.Equal(1, cache.Count);
        Span<byte> buffer = stackalloc byte[32];
        Assert.True(cache.TryCopy("k1", B, 1, buffer));
    }

    [Fact]
    public void TryCopy_OtherSaltId_Misses()
    {
        using var cache = new DerivedKeyCache(8, TimeSpan.FromMinutes(5), TimeProvider.System);
        cache.Add("k", A, 1, Key(1), cache.Generation);
        Span<byte> buffer = stackalloc byte[32];

        Assert.False(cache.TryCopy("k", A, 2, buffer));
        Assert.True(cache.TryCopy("k", A, 1, buffer));
    }

    [Fact]
    public void Add_GenerationReadBeforeARemoveOwner_IsRefused()
    {
        using var cache = new DerivedKeyCache(8, TimeSpan.FromMinutes(5), TimeProvider.System);
        var before = cache.Generation;

        cache.RemoveOwner(B);

        Assert.False(cache.Add("k", A, 1, Key(1), before));
        Assert.Equal(0, cache.Count);
        Assert.True(cache.Add("k", A, 1, Key(1), cache.Generation));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void EveryWayOut_ZeroesTheCachedKey()
    {
        var time = new ManualTimeProvider();
        var arrays = new List<byte[]>();
        using (var cache = new DerivedKeyCache(2, TimeSpan.FromMinutes(5), time, length => Track(arrays, length)))
        {
            Span<byte> buffer = stackalloc byte[32];
            cache.Add("k", A, 1, Key(1), cache.Generation);
            cache.Add("k", B, 1, Key(2), cache.Generation);
            cache.Add("k", C, 1, Key(3), cache.Generation);                   // evicts A (least recently used)
            Assert.True(IsZero(arrays[0]));
            Assert.False(IsZero(arrays[1]));

            cache.Add("k", B, 1, Key(4), cache.Generation);                   // replaces B's entry
            Assert.True(IsZero(arrays[1]));

            cache.RemoveOwner(C);                                              // shred
            Assert.True(IsZero(arrays[2]));

            time.Advance(TimeSpan.FromMinutes(6));
            Assert.False(cache.TryCopy("k", B, 1, buffer));                    // expired
            Assert.True(IsZero(arrays[3]));

            cache.Add("k", A, 1, Key(5), cache.Generation);
            Assert.False(IsZero(arrays[4]));
        }

        Assert.True(IsZero(arrays[4]));                                        // dispose
        Assert.Equal(5, arrays.Count);
    }

    private static byte[] Track(List<byte[]> arrays, int length)
    {
        var array = new byte[length];
        arrays.Add(array);
        return array;
    }

    private static bool IsZero(byte[] array) => array.All(b => b == 0);

    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();
}
