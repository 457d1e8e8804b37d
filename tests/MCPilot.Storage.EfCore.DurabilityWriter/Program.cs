// The child process of the durability tests: it writes entities to the store as fast as it can
// and prints "committed <id>" after each write returns, until it is killed.
//
//   MCPilot.Storage.EfCore.DurabilityWriter <Sqlite|PostgreSql> <connection string>
using System.Globalization;
using MCPilot;
using MCPilot.Entities;
using MCPilot.Storage.EfCore;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 2 || !Enum.TryParse<StorageProvider>(args[0], out var provider))
{
    await Console.Error.WriteLineAsync("usage: MCPilot.Storage.EfCore.DurabilityWriter <Sqlite|PostgreSql> <connection string>");
    return 2;
}

var services = new ServiceCollection();
services.AddMCPilot().AddEfStore(o =>
{
    o.Provider = provider;
    o.ConnectionString = args[1];
});
await using var serviceProvider = services.BuildServiceProvider();
await serviceProvider.GetRequiredService<MCPilotDatabase>().MigrateAsync();
var entities = serviceProvider.GetRequiredService<IEntityStore>();
var output = Console.Out;
output.WriteLine("ready");
output.Flush();
for (var i = 0; ; i++)
{
    var entity = new Entity
    {
        Id = EntityId.New(),
        Name = "durable-" + i.ToString(CultureInfo.InvariantCulture),
        Guilds = [new EntityGuildMembership(7, new ChannelPolicy { Allow = new HashSet<ulong> { (ulong)i + 1 } })],
    };
    await entities.CreateAsync(entity);
    output.WriteLine("committed " + entity.Id);
    output.Flush();
}
