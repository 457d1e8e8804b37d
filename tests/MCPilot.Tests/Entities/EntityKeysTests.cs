using MCPilot.Storage;
using MCPilot.Tests.Fakes;

namespace MCPilot.Tests.Entities;

public sealed class EntityKeysTests : IAsyncDisposable
{
    private readonly TestServices _services = new();

    [Fact]
    public async Task CreateAsync_StoresHashOnly_KeyAuthenticatesItsEntity()
    {
        var entity = await _services.CreateEntityAsync("Ada");

        var issued = await _services.Keys.CreateAsync(entity.Id, "desktop", cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("mcpk_", issued.Key, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key, issued.ToString(), StringComparison.Ordinal);
        var stored = Assert.Single(await _services.Keys.ListAsync(entity.Id, TestContext.Current.CancellationToken));
        Assert.Equal("desktop", stored.Label);
        Assert.NotNull(await _services.Keys.AuthenticateAsync(issued.Key, entity.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AuthenticateAsync_KeyOfAnotherEntity_Refused()
    {
        var a = await _services.CreateEntityAsync("Ada");
        var b = await _services.CreateEntityAsync("Bob");
        var keyA = await _services.Keys.CreateAsync(a.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(await _services.Keys.AuthenticateAsync(keyA.Key, b.Id, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    [InlineData("mcpk_aaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AuthenticateAsync_MalformedOrUnknownKey_Refused(string? key)
    {
        var a = await _services.CreateEntityAsync("Ada");

        Assert.Null(await _services.Keys.AuthenticateAsync(key, a.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AuthenticateAsync_TamperedSecret_Refused()
    {
        var a = await _services.CreateEntityAsync("Ada");
        var issued = await _services.Keys.CreateAsync(a.Id, cancellationToken: TestContext.Current.CancellationToken);
        var tampered = issued.Key[..^1] + (issued.Key[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await _services.Keys.AuthenticateAsync(tampered, a.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RevokeAsync_Key_NoLongerAuthenticates()
    {
        var a = await _services.CreateEntityAsync("Ada");
        var issued = await _services.Keys.CreateAsync(a.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(await _services.Keys.RevokeAsync(a.Id, issued.Credential.Id, TestContext.Current.CancellationToken));

        Assert.Null(await _services.Keys.AuthenticateAsync(issued.Key, a.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AuthenticateAsync_Expired_Refused()
    {
        var a = await _services.CreateEntityAsync("Ada");
        var issued = await _services.Keys.CreateAsync(a.Id, expiresAt: _services.Time.GetUtcNow().AddHours(1), cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(await _services.Keys.AuthenticateAsync(issued.Key, a.Id, TestContext.Current.CancellationToken));

        _services.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await _services.Keys.AuthenticateAsync(issued.Key, a.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RotateAsync_Key_NewWorksOldRevokedLabelKept()
    {
        var a = await _services.CreateEntityAsync("Ada");
        var old = await _services.Keys.CreateAsync(a.Id, "ci", cancellationToken: TestContext.Current.CancellationToken);

        var fresh = await _services.Keys.RotateAsync(a.Id, old.Credential.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(await _services.Keys.AuthenticateAsync(old.Key, a.Id, TestContext.Current.CancellationToken));
        Assert.NotNull(await _services.Keys.AuthenticateAsync(fresh.Key, a.Id, TestContext.Current.CancellationToken));
        Assert.Equal("ci", fresh.Credential.Label);
    }

    [Fact]
    public async Task AuthenticateAsync_RepeatedUse_LastUsedWrittenAtMostOncePerInterval()
    {
        var a = await _services.CreateEntityAsync("Ada");
        var issued = await _services.Keys.CreateAsync(a.Id, cancellationToken: TestContext.Current.CancellationToken);

        var firstUse = _services.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await _services.Keys.AuthenticateAsync(issued.Key, a.Id, TestContext.Current.CancellationToken);
            _services.Time.Advance(TimeSpan.FromSeconds(5));
        }

        // Uses within the interval leave the first use recorded: no write per request.
        Assert.Equal(firstUse, (await _services.Keys.ListAsync(a.Id, TestContext.Current.CancellationToken))[0].LastUsedAt);
        _services.Time.Advance(TimeSpan.FromMinutes(1));
        await _services.Keys.AuthenticateAsync(issued.Key, a.Id, TestContext.Current.CancellationToken);
        Assert.Equal(_services.Time.GetUtcNow(), (await _services.Keys.ListAsync(a.Id, TestContext.Current.CancellationToken))[0].LastUsedAt);
    }

    [Fact]
    public async Task CreateAsync_UnknownEntity_NotFound()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => _services.Keys.CreateAsync(EntityId.New(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StoreError.NotFound, error.Error);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
