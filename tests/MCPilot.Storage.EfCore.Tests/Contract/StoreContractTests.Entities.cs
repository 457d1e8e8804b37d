using MCPilot.Entities;

namespace MCPilot.Storage.EfCore.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task EntityCreate_ThenGet_KeepsEveryFieldAtVersionOne()
    {
        var guild = Snowflake();
        var other = Snowflake();
        var entity = NewEntity(null, Member(guild, allow: [1, 2], deny: [2, 3]), Member(other)) with
        {
            AvatarUrl = new Uri("https://cdn.example.com/ada.png"),
            OwnerUserId = Snowflake(),
            Description = "An analyst",
            Persona = "You are Ada. Ünïcödé ✓",
            BlockedPhrases = ["foo", "bar baz"],
            ToolAllowList = new HashSet<string> { "send_message", "read_messages" },
            RateLimits = new EntityRateLimits { SendsPerMinute = 5, Burst = 2 },
            CreatedAt = new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.FromHours(2)),
            UpdatedAt = T0.AddMinutes(1),
        };

        var created = await Entities.CreateAsync(entity, Ct);
        var read = await Entities.GetAsync(entity.Id, Ct);

        Assert.Equal(1, created.Version);
        foreach (var e in new[] { created, read! })
        {
            Assert.NotNull(e);
            Assert.Equal(entity.Id, e.Id);
            Assert.Equal(entity.Name, e.Name);
            Assert.Equal(entity.AvatarUrl, e.AvatarUrl);
            Assert.Equal(entity.OwnerUserId, e.OwnerUserId);
            Assert.Equal(entity.Description, e.Description);
            Assert.Equal(entity.Persona, e.Persona);
            Assert.Equal(entity.BlockedPhrases, e.BlockedPhrases);
            Assert.True(entity.ToolAllowList.SetEquals(e.ToolAllowList!));
            Assert.Equal(entity.RateLimits, e.RateLimits);
            Assert.Equal(entity.CreatedAt, e.CreatedAt);
            Assert.Equal(entity.UpdatedAt, e.UpdatedAt);
            Assert.Equal(1, e.Version);
            Assert.Equal(2, e.Guilds.Count);
            Assert.Equal(Member(guild, allow: [1, 2], deny: [2, 3]).Policy, e.Membership(guild)!.Policy);
            Assert.Equal(ChannelPolicy.AllowAll, e.Membership(other)!.Policy);
        }
    }

    [Fact]
    public async Task EntityGet_Unknown_ReturnsNull()
    {
        Assert.Null(await Entities.GetAsync(EntityId.New(), Ct));
    }

    [Fact]
    public async Task EntityCreate_NullAllowList_KeepsEveryToolAllowed()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);

        var read = await Entities.GetAsync(entity.Id, Ct);

        Assert.Null(read!.ToolAllowList);
        Assert.True(read.MayCall("anything"));
        Assert.Empty(read.Guilds);
    }

    [Fact]
    public async Task EntityCreate_ExistingId_ThrowsDuplicate()
    {
        var entity = await Entities.CreateAsync(NewEntity(), Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Entities.CreateAsync(entity with { Name = UniqueName("Other") }, Ct));

        Assert.Equal(StoreError.Duplicate, error.Error);
        Assert.Contains(entity.Id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityCreate_NameTakenInGuildInAnyCase_ThrowsDuplicateNamingGuild()
    {
        var guild = Snowflake();
        var name = UniqueName("Ada");
        var first = await Entities.CreateAsync(NewEntity(name, Member(guild)), Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Entities.CreateAsync(NewEntity(name.ToUpperInvariant(), Member(Snowflake()), Member(guild)), Ct));

        Assert.Equal(StoreError.Duplicate, error.Error);
        Assert.Contains(guild.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(first.Id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityCreate_SameNameInOtherGuild_Succeeds()
    {
        var name = UniqueName("Ada");
        await Entities.CreateAsync(NewEntity(name, Member(Snowflake())), Ct);

        var second = await Entities.CreateAsync(NewEntity(name, Member(Snowflake())), Ct);

        Assert.Equal(1, second.Version);
    }

    [Fact]
    public async Task EntityCreate_GuildListedTwice_ThrowsArgumentException()
    {
        var guild = Snowflake();

        await Assert.ThrowsAsync<ArgumentException>(() => Entities.CreateAsync(NewEntity(null, Member(guild), Member(guild)), Ct));
    }

    [Fact]
    public async Task EntityUpdate_CurrentVersion_ReplacesAndIncrementsVersion()
    {
        var guild = Snowflake();
        var created = await Entities.CreateAsync(NewEntity(null, Member(guild, allow: [1])), Ct);
        var newGuild = Snowflake();

        var updated = await Entities.UpdateAsync(created with
        {
            Name = UniqueName("Grace"),
            Persona = "new",
            Guilds = [Member(newGuild, deny: [9])],
            ToolAllowList = new HashSet<string>(),
            UpdatedAt = T0.AddHours(1),
        }, Ct);
        var read = await Entities.GetAsync(created.Id, Ct);

        Assert.Equal(2, updated.Version);
        Assert.Equal(2, read!.Version);
        Assert.Equal(updated.Name, read.Name);
        Assert.Equal("new", read.Persona);
        Assert.Empty(read.ToolAllowList!);
        Assert.Null(read.Membership(guild));
        Assert.Equal(Member(newGuild, deny: [9]).Policy, read.Membership(newGuild)!.Policy);
        Assert.Equal(T0.AddHours(1), read.UpdatedAt);
    }

    [Fact]
    public async Task EntityUpdate_StaleVersion_ThrowsConflictAndKeepsStoredEntity()
    {
        var created = await Entities.CreateAsync(NewEntity(), Ct);
        await Entities.UpdateAsync(created with { Persona = "first" }, Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Entities.UpdateAsync(created with { Persona = "second" }, Ct));

        Assert.Equal(StoreError.ConcurrencyConflict, error.Error);
        Assert.Contains("version 1, now 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(created.Name, error.Message, StringComparison.Ordinal);
        var read = await Entities.GetAsync(created.Id, Ct);
        Assert.Equal("first", read!.Persona);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task EntityUpdate_ConcurrentFromSameRead_ExactlyOneWinsOthersConflict()
    {
        var created = await Entities.CreateAsync(NewEntity(null, Member(Snowflake())), Ct);

        var winner = await RaceFromSameReadAsync(persona => Entities.UpdateAsync(created with { Persona = persona }, Ct));

        var read = await Entities.GetAsync(created.Id, Ct);
        Assert.Equal(winner, read!.Persona);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task EntityUpdate_Deleted_ThrowsNotFound()
    {
        var created = await Entities.CreateAsync(NewEntity(), Ct);
        await Entities.DeleteAsync(created.Id, Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Entities.UpdateAsync(created, Ct));

        Assert.Equal(StoreError.NotFound, error.Error);
    }

    [Fact]
    public async Task EntityUpdate_RenameToNameTakenInGuild_ThrowsDuplicateAndKeepsOldName()
    {
        var guild = Snowflake();
        var taken = await Entities.CreateAsync(NewEntity(null, Member(guild)), Ct);
        var created = await Entities.CreateAsync(NewEntity(null, Member(guild)), Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Entities.UpdateAsync(created with { Name = taken.Name }, Ct));

        Assert.Equal(StoreError.Duplicate, error.Error);
        var read = await Entities.GetAsync(created.Id, Ct);
        Assert.Equal(created.Name, read!.Name);
        Assert.Equal(1, read.Version);
        Assert.NotNull(read.Membership(guild));
    }

    [Fact]
    public async Task EntityList_ReturnsEntitiesByNameCaseInsensitively()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await Entities.CreateAsync(NewEntity($"zed-{tag}"), Ct);
        await Entities.CreateAsync(NewEntity($"Bob-{tag}"), Ct);
        await Entities.CreateAsync(NewEntity($"alice-{tag}"), Ct);

        var names = (await Entities.ListAsync(Ct)).Select(e => e.Name).Where(n => n.EndsWith(tag, StringComparison.Ordinal)).ToList();

        Assert.Equal([$"alice-{tag}", $"Bob-{tag}", $"zed-{tag}"], names);
    }

    [Fact]
    public async Task EntityListByGuild_ReturnsOnlyMembersByName()
    {
        var guild = Snowflake();
        var b = await Entities.CreateAsync(NewEntity("b-" + guild, Member(guild)), Ct);
        var a = await Entities.CreateAsync(NewEntity("a-" + guild, Member(Snowflake()), Member(guild, allow: [5])), Ct);
        await Entities.CreateAsync(NewEntity(null, Member(Snowflake())), Ct);

        var listed = await Entities.ListByGuildAsync(guild, Ct);

        Assert.Equal([a.Id, b.Id], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task EntityListByChannel_FollowsEachPolicyLikeMayUse()
    {
        var guild = Snowflake();
        const ulong channel = 100, thread = 101, otherChannel = 200;
        var everywhere = await Entities.CreateAsync(NewEntity("a-all", Member(guild)), Ct);
        var allowed = await Entities.CreateAsync(NewEntity("b-allowed", Member(guild, allow: [channel])), Ct);
        var elsewhere = await Entities.CreateAsync(NewEntity("c-elsewhere", Member(guild, allow: [otherChannel])), Ct);
        var denied = await Entities.CreateAsync(NewEntity("d-denied", Member(guild, deny: [channel])), Ct);
        var threadDenied = await Entities.CreateAsync(NewEntity("e-thread-denied", Member(guild, deny: [thread])), Ct);
        var otherGuild = await Entities.CreateAsync(NewEntity("f-other-guild", Member(Snowflake())), Ct);
        var all = new[] { everywhere, allowed, elsewhere, denied, threadDenied, otherGuild };

        foreach (var (ch, parent) in new (ulong, ulong?)[] { (channel, null), (thread, channel), (otherChannel, null), (thread, null) })
        {
            var listed = await Entities.ListByChannelAsync(guild, ch, parent, Ct);

            var expected = all.Where(e => e.MayUse(guild, ch, parent)).Select(e => e.Id).ToList();
            Assert.Equal(expected, listed.Select(e => e.Id));
        }

        Assert.Equal([everywhere.Id, allowed.Id, threadDenied.Id], (await Entities.ListByChannelAsync(guild, channel, null, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task EntityDelete_Existing_RemovesItWithCredentialsRoutesAndCounters()
    {
        var guild = Snowflake();
        var user = Snowflake();
        var entity = await Entities.CreateAsync(NewEntity(null, Member(guild)), Ct);
        var credential = NewCredential(entity.Id);
        await Credentials.AddAsync(credential, Ct);
        await DmRoutes.SetActiveEntityAsync(user, entity.Id, Ct);
        await Counters.IncrementAsync(entity.Id, guild, new DateOnly(2026, 11, 22), 3, Ct);

        Assert.True(await Entities.DeleteAsync(entity.Id, Ct));

        Assert.Null(await Entities.GetAsync(entity.Id, Ct));
        Assert.Null(await Credentials.FindByLookupIdAsync(credential.LookupId, Ct));
        Assert.Null(await DmRoutes.GetActiveEntityAsync(user, Ct));
        Assert.Empty(await Counters.GetLeaderboardAsync(guild, DateOnly.MinValue, DateOnly.MaxValue, 10, Ct));
        Assert.Empty(await Entities.ListByGuildAsync(guild, Ct));
        Assert.False(await Entities.DeleteAsync(entity.Id, Ct));
    }

    [Fact]
    public async Task EntityDelete_ThenCreateSameNameInGuild_Succeeds()
    {
        var guild = Snowflake();
        var first = await Entities.CreateAsync(NewEntity(null, Member(guild)), Ct);
        await Entities.DeleteAsync(first.Id, Ct);

        var second = await Entities.CreateAsync(NewEntity(first.Name, Member(guild)), Ct);

        Assert.Equal(1, second.Version);
    }
}
