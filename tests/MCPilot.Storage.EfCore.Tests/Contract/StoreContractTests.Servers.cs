using MCPilot.Servers;
using MCPilot.Vault;

namespace MCPilot.Storage.EfCore.Tests.Contract;

public abstract partial class StoreContractTests
{
    protected static McpServerRegistration NewServer(McpServerScope scope, ulong userId, ulong? guildId = null, ulong? channelId = null, string? name = null) => new()
    {
        Id = Guid.NewGuid(),
        Name = name ?? UniqueName("github"),
        Scope = scope,
        Owner = OwnerId.ForDiscordUser(userId),
        GuildId = guildId,
        ChannelId = channelId,
        Transport = McpServerTransport.Http,
        Url = new Uri("https://mcp.example.com/mcp"),
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    [Fact]
    public async Task ServerCreate_ThenGet_KeepsEveryFieldAtVersionOne()
    {
        var server = NewServer(McpServerScope.Channel, Snowflake(), Snowflake(), Snowflake()) with
        {
            Transport = McpServerTransport.Command,
            Url = null,
            Command = "npx",
            Arguments = ["-y", "@modelcontextprotocol/server-everything", "stdio"],
            EncryptedHeaders = new Dictionary<string, string> { ["Authorization"] = "env1", ["X-Key"] = "env2" },
            EncryptedEnvironment = new Dictionary<string, string> { ["API_KEY"] = "env3" },
            Enabled = false,
        };

        var created = await Servers.CreateAsync(server, Ct);
        var read = await Servers.GetAsync(server.Id, Ct);

        foreach (var r in new[] { created, read! })
        {
            Assert.NotNull(r);
            Assert.Equal(1, r.Version);
            Assert.Equal(server.Name, r.Name);
            Assert.Equal(server.Scope, r.Scope);
            Assert.Equal(server.Owner, r.Owner);
            Assert.Equal(server.GuildId, r.GuildId);
            Assert.Equal(server.ChannelId, r.ChannelId);
            Assert.Equal(McpServerTransport.Command, r.Transport);
            Assert.Null(r.Url);
            Assert.Equal("npx", r.Command);
            Assert.Equal(server.Arguments, r.Arguments);
            Assert.Equal(server.EncryptedHeaders.OrderBy(h => h.Key), r.EncryptedHeaders.OrderBy(h => h.Key));
            Assert.Equal(server.EncryptedEnvironment, r.EncryptedEnvironment);
            Assert.False(r.Enabled);
            Assert.Equal(T0, r.CreatedAt);
        }
    }

    [Fact]
    public async Task ServerCreate_NameTakenAtSamePlaceInAnyCase_ThrowsDuplicate()
    {
        var guild = Snowflake();
        var first = await Servers.CreateAsync(NewServer(McpServerScope.Global, Snowflake(), guild), Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Servers.CreateAsync(NewServer(McpServerScope.Global, Snowflake(), guild, name: first.Name.ToUpperInvariant()), Ct));

        Assert.Equal(StoreError.Duplicate, error.Error);
        Assert.Contains(first.Id.ToString("N"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCreate_SameNameAtOtherPlaces_Succeeds()
    {
        var guild = Snowflake();
        var user = Snowflake();
        var name = UniqueName("tools");

        await Servers.CreateAsync(NewServer(McpServerScope.Global, user, guild, name: name), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.Channel, user, guild, Snowflake(), name: name), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.Channel, user, guild, Snowflake(), name: name), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.User, user, name: name), Ct);
        var error = await Assert.ThrowsAsync<StoreException>(() => Servers.CreateAsync(NewServer(McpServerScope.User, user, guild, name: name), Ct));

        Assert.Equal(StoreError.Duplicate, error.Error);
        Assert.Equal(4, (await Servers.ListByOwnerAsync(OwnerId.ForDiscordUser(user), Ct)).Count);
    }

    [Fact]
    public async Task ServerCreate_ExistingId_ThrowsDuplicate()
    {
        var server = await Servers.CreateAsync(NewServer(McpServerScope.User, Snowflake()), Ct);

        var error = await Assert.ThrowsAsync<StoreException>(() => Servers.CreateAsync(server with { Name = UniqueName("x") }, Ct));

        Assert.Equal(StoreError.Duplicate, error.Error);
    }

    [Fact]
    public async Task ServerListVisible_ReturnsOwnChannelParentAndGuildServersOnly()
    {
        var guild = Snowflake();
        var user = Snowflake();
        const ulong channel = 10, thread = 11, otherChannel = 12;
        var own = await Servers.CreateAsync(NewServer(McpServerScope.User, user, name: "a-own"), Ct);
        var ownHere = await Servers.CreateAsync(NewServer(McpServerScope.User, user, guild, name: "b-own-here"), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.User, user, Snowflake(), name: "c-own-elsewhere"), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.User, Snowflake(), guild, name: "d-someone-elses"), Ct);
        var channelServer = await Servers.CreateAsync(NewServer(McpServerScope.Channel, Snowflake(), guild, channel, name: "e-channel"), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.Channel, Snowflake(), guild, otherChannel, name: "f-other-channel"), Ct);
        var global = await Servers.CreateAsync(NewServer(McpServerScope.Global, Snowflake(), guild, name: "g-global"), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.Global, Snowflake(), Snowflake(), name: "h-other-guild"), Ct);
        await Servers.CreateAsync(NewServer(McpServerScope.Global, Snowflake(), guild, name: "i-disabled") with { Enabled = false }, Ct);

        var inChannel = await Servers.ListVisibleAsync(guild, channel, null, user, Ct);
        var inThread = await Servers.ListVisibleAsync(guild, thread, channel, user, Ct);
        var inDm = await Servers.ListVisibleAsync(null, Snowflake(), null, user, Ct);

        Assert.Equal([own.Id, ownHere.Id, channelServer.Id, global.Id], inChannel.Select(s => s.Id));
        Assert.Equal([own.Id, ownHere.Id, channelServer.Id, global.Id], inThread.Select(s => s.Id));
        Assert.Equal([own.Id], inDm.Select(s => s.Id));
    }

    [Fact]
    public async Task ServerListByGuild_FiltersByScope()
    {
        var guild = Snowflake();
        var channelServer = await Servers.CreateAsync(NewServer(McpServerScope.Channel, Snowflake(), guild, 1, name: "a"), Ct);
        var global = await Servers.CreateAsync(NewServer(McpServerScope.Global, Snowflake(), guild, name: "b"), Ct);

        Assert.Equal([channelServer.Id, global.Id], (await Servers.ListByGuildAsync(guild, null, Ct)).Select(s => s.Id));
        Assert.Equal([global.Id], (await Servers.ListByGuildAsync(guild, McpServerScope.Global, Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task ServerUpdate_CurrentVersionThenStale_SecondConflicts()
    {
        var created = await Servers.CreateAsync(NewServer(McpServerScope.User, Snowflake()) with
        {
            EncryptedHeaders = new Dictionary<string, string> { ["A"] = "1" },
        }, Ct);

        var updated = await Servers.UpdateAsync(created with { EncryptedHeaders = new Dictionary<string, string> { ["B"] = "2" }, Enabled = false }, Ct);
        var error = await Assert.ThrowsAsync<StoreException>(() => Servers.UpdateAsync(created with { Name = UniqueName("late") }, Ct));

        Assert.Equal(2, updated.Version);
        Assert.Equal(StoreError.ConcurrencyConflict, error.Error);
        Assert.Contains("version 1, now 2", error.Message, StringComparison.Ordinal);
        var read = await Servers.GetAsync(created.Id, Ct);
        Assert.Equal(created.Name, read!.Name);
        Assert.Equal(new Dictionary<string, string> { ["B"] = "2" }, read.EncryptedHeaders);
        Assert.False(read.Enabled);
    }

    [Fact]
    public async Task ServerUpdate_ConcurrentFromSameRead_ExactlyOneWinsOthersConflict()
    {
        var created = await Servers.CreateAsync(NewServer(McpServerScope.User, Snowflake()) with
        {
            EncryptedHeaders = new Dictionary<string, string> { ["Authorization"] = "first" },
        }, Ct);

        var winner = await RaceFromSameReadAsync(command => Servers.UpdateAsync(created with
        {
            Command = command,
            EncryptedHeaders = new Dictionary<string, string> { ["Authorization"] = command },
        }, Ct));

        var read = await Servers.GetAsync(created.Id, Ct);
        Assert.Equal(winner, read!.Command);
        Assert.Equal(winner, read.EncryptedHeaders["Authorization"]);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task ServerUpdate_Deleted_ThrowsNotFound()
    {
        var created = await Servers.CreateAsync(NewServer(McpServerScope.User, Snowflake()), Ct);
        Assert.True(await Servers.DeleteAsync(created.Id, Ct));

        var error = await Assert.ThrowsAsync<StoreException>(() => Servers.UpdateAsync(created, Ct));

        Assert.Equal(StoreError.NotFound, error.Error);
        Assert.False(await Servers.DeleteAsync(created.Id, Ct));
    }

    [Fact]
    public async Task ServerFields_ListedAndReplacedOnlyWhileUnchanged_AndReplaceBumpsVersion()
    {
        var user = Snowflake();
        var owner = OwnerId.ForDiscordUser(user);
        var created = await Servers.CreateAsync(NewServer(McpServerScope.User, user) with
        {
            EncryptedHeaders = new Dictionary<string, string> { ["Authorization"] = "old-h" },
            EncryptedEnvironment = new Dictionary<string, string> { ["TOKEN"] = "old-e" },
        }, Ct);

        var fields = new List<VaultedField>();
        await foreach (var field in Servers.GetFieldsAsync(owner, Ct))
        {
            fields.Add(field);
        }

        var header = Assert.Single(fields, f => f.Binding.Field == McpServerRegistration.HeaderField("Authorization"));
        var env = Assert.Single(fields, f => f.Binding.Field == McpServerRegistration.EnvironmentField("TOKEN"));
        Assert.Equal(created.Binding(McpServerRegistration.HeaderField("Authorization")), header.Binding);
        Assert.Equal("old-h", header.Envelope);
        Assert.True(await Servers.ReplaceAsync(header, "new-h", Ct));
        Assert.False(await Servers.ReplaceAsync(header, "newer-h", Ct));
        Assert.False(await Servers.ReplaceAsync(env with { Binding = env.Binding with { Owner = new OwnerId("discord:1") } }, "x", Ct));

        var read = await Servers.GetAsync(created.Id, Ct);
        Assert.Equal("new-h", read!.EncryptedHeaders["Authorization"]);
        Assert.Equal("old-e", read.EncryptedEnvironment["TOKEN"]);
        Assert.Equal(2, read.Version);
        var stale = await Assert.ThrowsAsync<StoreException>(() => Servers.UpdateAsync(created, Ct));
        Assert.Equal(StoreError.ConcurrencyConflict, stale.Error);
    }
}
