using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Storage;
using MCPilot.Tests.Fakes;

namespace MCPilot.Tests.Entities;

public sealed class EntityRegistryTests : IAsyncDisposable
{
    private readonly TestServices _services = new();

    [Fact]
    public async Task CreateAsync_Valid_AssignsIdVersionAndTimestamps()
    {
        var created = await _services.Registry.CreateAsync(new Entity { Id = default, Name = "  Ada   Lovelace " }, TestContext.Current.CancellationToken);

        Assert.NotEqual(Guid.Empty, created.Id.Value);
        Assert.Equal("Ada Lovelace", created.Name);
        Assert.Equal(1, created.Version);
        Assert.Equal(_services.Time.GetUtcNow(), created.CreatedAt);
    }

    [Fact]
    public async Task CreateAsync_InvalidName_RefusedAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<EntityValidationException>(() => _services.Registry.CreateAsync(new Entity { Id = default, Name = "clyde" }, TestContext.Current.CancellationToken));

        Assert.Contains("clyde", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _services.Entities.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ConcurrencyConflict()
    {
        var created = await _services.CreateEntityAsync("Ada");
        await _services.Registry.UpdateAsync(created with { Description = "first" }, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<StoreException>(() => _services.Registry.UpdateAsync(created with { Description = "second" }, TestContext.Current.CancellationToken));

        Assert.Equal(StoreError.ConcurrencyConflict, error.Error);
    }

    [Fact]
    public async Task UpdateAsync_WithChange_RoutingIndexFollowsTheNewPolicy()
    {
        var entity = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 } }));
        var router = _services.Get<EntityRouter>();
        Assert.Single((await router.RouteAsync(Message(channel: 10))).Delivered);

        await _services.Registry.UpdateAsync(entity.Id, e => e with { Guilds = [new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 20 } })] }, TestContext.Current.CancellationToken);

        Assert.Empty((await router.RouteAsync(Message(channel: 10, id: 2))).Delivered);
        Assert.Equal([entity.Id], (await router.RouteAsync(Message(channel: 20, id: 3))).Delivered);
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovedFromRouting()
    {
        var entity = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));

        Assert.True(await _services.Registry.DeleteAsync(entity.Id, TestContext.Current.CancellationToken));

        Assert.Empty((await _services.Get<EntityRouter>().RouteAsync(Message(channel: 10))).Delivered);
        Assert.Null(await _services.Registry.GetAsync(entity.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SetAvatarImageAsync_SquarePng_StoredAndUrlPointsAtIt()
    {
        var entity = await _services.CreateEntityAsync("Ada");
        var png = TestImages.Png(256, 256);

        var updated = await _services.Registry.SetAvatarImageAsync(entity.Id, png, TestContext.Current.CancellationToken);

        Assert.StartsWith($"https://bot.example.com/mcpilot/avatars/{entity.Id}/", updated.AvatarUrl!.ToString(), StringComparison.Ordinal);
        var hash = updated.AvatarUrl.Segments[^1].Split('.')[0];
        var stored = await _services.Registry.GetAvatarAsync(entity.Id, hash, TestContext.Current.CancellationToken);
        Assert.Equal(png, stored!.Content.ToArray());
        Assert.Equal("image/png", stored.ContentType);
    }

    [Theory]
    [InlineData(256, 128, "must be square")]
    [InlineData(0, 0, "not a PNG, JPEG, GIF or WebP")]
    public async Task SetAvatarImageAsync_BadImage_RefusedWithReason(int width, int height, string expected)
    {
        var entity = await _services.CreateEntityAsync("Ada");
        var data = width == 0 ? new byte[100] : TestImages.Png(width, height);

        var error = await Assert.ThrowsAsync<EntityValidationException>(() => _services.Registry.SetAvatarImageAsync(entity.Id, data, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAvatarImageAsync_Over2MiB_Refused()
    {
        var entity = await _services.CreateEntityAsync("Ada");
        var data = new byte[EntityOptions.MaxAvatarBytes + 1];
        TestImages.Png(64, 64).CopyTo(data, 0);

        var error = await Assert.ThrowsAsync<EntityValidationException>(() => _services.Registry.SetAvatarImageAsync(entity.Id, data, TestContext.Current.CancellationToken));

        Assert.Contains("at most 2 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_StoreHasEntities_DirectoryReadyAndRouting()
    {
        var id = EntityId.New();
        await _services.Entities.CreateAsync(new Entity { Id = id, Name = "Stored", Guilds = [new(1, ChannelPolicy.AllowAll)] }, TestContext.Current.CancellationToken);
        Assert.False(_services.Registry.IsLoaded);

        await _services.Registry.LoadAsync(TestContext.Current.CancellationToken);

        Assert.True(_services.Registry.IsLoaded);
        Assert.Equal([id], (await _services.Get<EntityRouter>().RouteAsync(Message(channel: 5))).Delivered);
    }

    [Fact]
    public async Task RefreshAsync_ChangedInStoreByAnotherProcess_RoutingFollowsTheStoredPolicy()
    {
        var entity = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 } }));
        await _services.Entities.UpdateAsync(entity with { Guilds = [new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 20 } })] }, TestContext.Current.CancellationToken);
        var router = _services.Get<EntityRouter>();
        Assert.Single((await router.RouteAsync(Message(channel: 10))).Delivered);

        var refreshed = await _services.Registry.RefreshAsync(entity.Id, TestContext.Current.CancellationToken);

        Assert.Equal(2, refreshed?.Version);
        Assert.Empty((await router.RouteAsync(Message(channel: 10, id: 2))).Delivered);
        Assert.Equal([entity.Id], (await router.RouteAsync(Message(channel: 20, id: 3))).Delivered);
    }

    [Fact]
    public async Task RefreshAsync_DeletedInStoreByAnotherProcess_ForgottenAndRemovedRaised()
    {
        var entity = await _services.CreateEntityAsync("Ada", new EntityGuildMembership(1, ChannelPolicy.AllowAll));
        var removed = new List<EntityId>();
        _services.Get<EntityDirectory>().Removed += removed.Add;
        await _services.Entities.DeleteAsync(entity.Id, TestContext.Current.CancellationToken);

        Assert.Null(await _services.Registry.RefreshAsync(entity.Id, TestContext.Current.CancellationToken));

        Assert.Equal([entity.Id], removed);
        Assert.Empty((await _services.Get<EntityRouter>().RouteAsync(Message(channel: 10))).Delivered);
        Assert.Null(_services.Registry.Find(entity.Id));
    }

    internal static InboundMessage Message(ulong channel, ulong id = 1, ulong guild = 1, string content = "hello", ulong? parent = null, ulong author = 900, bool bot = false, ulong? webhook = null, ulong? replyTo = null, ulong[]? roles = null) => new()
    {
        GuildId = guild,
        ChannelId = channel,
        ParentChannelId = parent,
        MessageId = id,
        AuthorId = author,
        AuthorName = "someone",
        AuthorIsBot = bot,
        WebhookId = webhook,
        Content = content,
        ReferencedMessageId = replyTo,
        MentionedRoleIds = roles ?? [],
        Timestamp = DateTimeOffset.UnixEpoch,
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
