using System.Security.Cryptography;
using MCPilot.Entities;

namespace MCPilot.Storage.EfCore.Tests.Contract;

public abstract partial class StoreContractTests
{
    protected static EntityCredential NewCredential(EntityId entityId, DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        EntityId = entityId,
        LookupId = Guid.NewGuid().ToString("N")[..12],
        KeyHash = RandomNumberGenerator.GetBytes(32),
        Label = "claude desktop",
        CreatedAt = createdAt ?? T0,
    };

    [Fact]
    public async Task CredentialAdd_ThenFindByLookupId_KeepsEveryField()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var credential = NewCredential(entity.Id) with { ExpiresAt = T0.AddDays(30) };

        await Credentials.AddAsync(credential, Ct);
        var found = await Credentials.FindByLookupIdAsync(credential.LookupId, Ct);

        Assert.NotNull(found);
        Assert.Equal(credential.Id, found.Id);
        Assert.Equal(entity.Id, found.EntityId);
        Assert.Equal(credential.KeyHash, found.KeyHash);
        Assert.Equal("claude desktop", found.Label);
        Assert.Equal(T0, found.CreatedAt);
        Assert.Equal(T0.AddDays(30), found.ExpiresAt);
        Assert.Null(found.LastUsedAt);
        Assert.Null(found.RevokedAt);
        Assert.True(found.IsActive(T0.AddDays(1)));
    }

    [Fact]
    public async Task CredentialFindByLookupId_Unknown_ReturnsNull()
    {
        Assert.Null(await Credentials.FindByLookupIdAsync("nosuchlookup", Ct));
    }

    [Fact]
    public async Task CredentialAdd_LookupIdInUse_ThrowsDuplicate()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var credential = NewCredential(entity.Id);
        await Credentials.AddAsync(credential, Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Credentials.AddAsync(NewCredential(entity.Id) with { LookupId = credential.LookupId }, Ct));

        Assert.Equal(StoreError.Duplicate, error.Error);
        Assert.Contains(credential.LookupId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialAdd_UnknownEntity_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => Credentials.AddAsync(NewCredential(EntityId.New()), Ct));

        Assert.Equal(StoreError.NotFound, error.Error);
    }

    [Fact]
    public async Task CredentialList_ReturnsTheEntitysKeysNewestFirst()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var other = await Entities.CreateAsync(NewEntity(), Ct);
        var old = NewCredential(entity.Id, T0);
        var newer = NewCredential(entity.Id, T0.AddHours(1));
        await Credentials.AddAsync(old, Ct);
        await Credentials.AddAsync(newer, Ct);
        await Credentials.AddAsync(NewCredential(other.Id), Ct);

        var listed = await Credentials.ListAsync(entity.Id, Ct);

        Assert.Equal([newer.Id, old.Id], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task CredentialRevoke_OnceThenAgainOrByOtherEntity_OnlyFirstSucceeds()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var other = await Entities.CreateAsync(NewEntity(), Ct);
        var credential = NewCredential(entity.Id);
        await Credentials.AddAsync(credential, Ct);

        Assert.False(await Credentials.RevokeAsync(other.Id, credential.Id, T0.AddHours(1), Ct));
        Assert.True(await Credentials.RevokeAsync(entity.Id, credential.Id, T0.AddHours(2), Ct));
        Assert.False(await Credentials.RevokeAsync(entity.Id, credential.Id, T0.AddHours(3), Ct));

        var found = await Credentials.FindByLookupIdAsync(credential.LookupId, Ct);
        Assert.Equal(T0.AddHours(2), found!.RevokedAt);
        Assert.False(found.IsActive(T0.AddHours(4)));
    }

    [Fact]
    public async Task CredentialTouch_SetsLastUsedAt()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);
        var credential = NewCredential(entity.Id);
        await Credentials.AddAsync(credential, Ct);

        await Credentials.TouchAsync(credential.Id, T0.AddMinutes(5), Ct);

        Assert.Equal(T0.AddMinutes(5), (await Credentials.FindByLookupIdAsync(credential.LookupId, Ct))!.LastUsedAt);
    }

    [Fact]
    public async Task DmRouteSet_ThenReplaceThenClear_GetFollows()
    {
        var user = Snowflake();
        var first = await Entities.CreateAsync(NewEntity(), Ct);
        var second = await Entities.CreateAsync(NewEntity(), Ct);

        Assert.Null(await DmRoutes.GetActiveEntityAsync(user, Ct));
        await DmRoutes.SetActiveEntityAsync(user, first.Id, Ct);
        Assert.Equal(first.Id, await DmRoutes.GetActiveEntityAsync(user, Ct));
        await DmRoutes.SetActiveEntityAsync(user, second.Id, Ct);
        Assert.Equal(second.Id, await DmRoutes.GetActiveEntityAsync(user, Ct));
        await DmRoutes.SetActiveEntityAsync(user, null, Ct);
        Assert.Null(await DmRoutes.GetActiveEntityAsync(user, Ct));
    }

    [Fact]
    public async Task DmRouteSet_UnknownEntity_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => DmRoutes.SetActiveEntityAsync(Snowflake(), EntityId.New(), Ct));

        Assert.Equal(StoreError.NotFound, error.Error);
    }

    [Fact]
    public async Task SentMessageRecord_ThenFind_ReturnsFirstRecord()
    {
        var message = new SentMessage(Snowflake(), EntityId.New(), Snowflake(), Snowflake(), T0);
        var dm = new SentMessage(Snowflake(), EntityId.New(), null, Snowflake(), T0);

        await SentMessages.RecordAsync(message, Ct);
        await SentMessages.RecordAsync(message with { EntityId = EntityId.New() }, Ct);
        await SentMessages.RecordAsync(dm, Ct);

        Assert.Equal(message, await SentMessages.FindAsync(message.MessageId, Ct));
        Assert.Equal(dm, await SentMessages.FindAsync(dm.MessageId, Ct));
        Assert.Null(await SentMessages.FindAsync(Snowflake(), Ct));
    }

    [Fact]
    public async Task SentMessagePrune_RemovesOnlyOlderRecords()
    {
        var old = new SentMessage(Snowflake(), EntityId.New(), Snowflake(), Snowflake(), new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var recent = new SentMessage(Snowflake(), EntityId.New(), Snowflake(), Snowflake(), new DateTimeOffset(2001, 1, 3, 0, 0, 0, TimeSpan.Zero));
        await SentMessages.RecordAsync(old, Ct);
        await SentMessages.RecordAsync(recent, Ct);

        var pruned = await SentMessages.PruneAsync(new DateTimeOffset(2001, 1, 2, 0, 0, 0, TimeSpan.Zero), Ct);

        Assert.Equal(1, pruned);
        Assert.Null(await SentMessages.FindAsync(old.MessageId, Ct));
        Assert.NotNull(await SentMessages.FindAsync(recent.MessageId, Ct));
    }

    [Fact]
    public async Task AvatarSave_ThenReplaceThenDelete_GetFollows()
    {
        var entity = EntityId.New();
        var first = new EntityAvatar(entity, "image/png", RandomNumberGenerator.GetBytes(100), "aaaa");
        var second = new EntityAvatar(entity, "image/webp", RandomNumberGenerator.GetBytes(50), "bbbb");

        Assert.Null(await Avatars.GetAsync(entity, Ct));
        await Avatars.SaveAsync(first, keepPrevious: 4, Ct);
        var read = await Avatars.GetAsync(entity, Ct);
        Assert.Equal(("image/png", "aaaa"), (read!.ContentType, read.Hash));
        Assert.Equal(first.Content.ToArray(), read.Content.ToArray());
        await Avatars.SaveAsync(second, keepPrevious: 4, Ct);
        read = await Avatars.GetAsync(entity, Ct);
        Assert.Equal(("image/webp", "bbbb"), (read!.ContentType, read.Hash));
        Assert.Equal(second.Content.ToArray(), read.Content.ToArray());
        Assert.True(await Avatars.DeleteAsync(entity, Ct));
        Assert.False(await Avatars.DeleteAsync(entity, Ct));
        Assert.Null(await Avatars.GetAsync(entity, Ct));
        Assert.Null(await Avatars.GetAsync(entity, "aaaa", Ct));
        Assert.Null(await Avatars.GetAsync(entity, "bbbb", Ct));
    }

    [Fact]
    public async Task AvatarSave_ReplacedAvatars_ReadableByHashUpToTheBound()
    {
        var entity = EntityId.New();
        var other = EntityId.New();
        var images = Enumerable.Range(1, 6).Select(i => new EntityAvatar(entity, "image/png", RandomNumberGenerator.GetBytes(20 + i), $"hash{i}")).ToArray();
        await Avatars.SaveAsync(new EntityAvatar(other, "image/png", RandomNumberGenerator.GetBytes(10), "hash1"), keepPrevious: 2, Ct);

        foreach (var image in images)
        {
            await Avatars.SaveAsync(image, keepPrevious: 2, Ct);
        }

        Assert.Equal("hash6", (await Avatars.GetAsync(entity, Ct))!.Hash);
        var kept = await Avatars.GetAsync(entity, "hash4", Ct);
        Assert.Equal(images[3].Content.ToArray(), kept!.Content.ToArray());
        Assert.Equal(("image/png", "hash4"), (kept.ContentType, kept.Hash));
        Assert.NotNull(await Avatars.GetAsync(entity, "hash5", Ct));
        Assert.NotNull(await Avatars.GetAsync(entity, "hash6", Ct));
        Assert.Null(await Avatars.GetAsync(entity, "hash3", Ct));
        Assert.Null(await Avatars.GetAsync(entity, "hash1", Ct));
        Assert.NotNull(await Avatars.GetAsync(other, "hash1", Ct));
        Assert.Null(await Avatars.GetAsync(other, "hash6", Ct));
    }

    [Fact]
    public async Task AvatarSave_PreviousAvatarAgain_BecomesCurrentAndTheReplacedOneIsKept()
    {
        var entity = EntityId.New();
        var a = new EntityAvatar(entity, "image/png", RandomNumberGenerator.GetBytes(30), "aaaa");
        var b = new EntityAvatar(entity, "image/gif", RandomNumberGenerator.GetBytes(40), "bbbb");
        var c = new EntityAvatar(entity, "image/webp", RandomNumberGenerator.GetBytes(50), "cccc");
        await Avatars.SaveAsync(a, keepPrevious: 1, Ct);
        await Avatars.SaveAsync(b, keepPrevious: 1, Ct);

        await Avatars.SaveAsync(a, keepPrevious: 1, Ct);

        Assert.Equal("aaaa", (await Avatars.GetAsync(entity, Ct))!.Hash);
        Assert.Equal("image/gif", (await Avatars.GetAsync(entity, "bbbb", Ct))!.ContentType);
        await Avatars.SaveAsync(c, keepPrevious: 1, Ct);
        await Avatars.SaveAsync(c, keepPrevious: 1, Ct);
        Assert.Equal("cccc", (await Avatars.GetAsync(entity, Ct))!.Hash);
        Assert.NotNull(await Avatars.GetAsync(entity, "aaaa", Ct));
        Assert.Null(await Avatars.GetAsync(entity, "bbbb", Ct));
        await Avatars.SaveAsync(b, keepPrevious: 0, Ct);
        Assert.Null(await Avatars.GetAsync(entity, "cccc", Ct));
        Assert.Null(await Avatars.GetAsync(entity, "aaaa", Ct));
        Assert.Equal("bbbb", (await Avatars.GetAsync(entity, "bbbb", Ct))!.Hash);
    }

    [Fact]
    public async Task SaltGetOrAdd_ConcurrentCallers_AllGetTheOneStoredSalt()
    {
        var owner = new OwnerId("discord:" + Snowflake());

        var salts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await Salts.GetOrAddAsync(owner, RandomNumberGenerator.GetBytes(32), Ct), Ct)));

        Assert.All(salts, s => Assert.Equal(salts[0], s));
        Assert.Equal(salts[0], await Salts.GetAsync(owner, Ct));
    }

    [Fact]
    public async Task SaltDelete_Existing_RemovesItOnce()
    {
        var owner = new OwnerId("discord:" + Snowflake());
        await Salts.GetOrAddAsync(owner, RandomNumberGenerator.GetBytes(32), Ct);

        Assert.True(await Salts.DeleteAsync(owner, Ct));
        Assert.False(await Salts.DeleteAsync(owner, Ct));
        Assert.Null(await Salts.GetAsync(owner, Ct));
    }

    [Fact]
    public async Task SaltGetOrAdd_ShortCandidate_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Salts.GetOrAddAsync(new OwnerId("system-test"), new byte[8], Ct));
    }
}
