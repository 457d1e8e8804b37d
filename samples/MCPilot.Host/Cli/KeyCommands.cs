using System.CommandLine;
using MCPilot.Entities;
using MCPilot.Host.Cli.Views;
using MCPilot.Host.Composition;

namespace MCPilot.Host.Cli;

/// <summary><c>keys create|list|revoke|rotate</c>: an entity's API keys. A new key is shown once.</summary>
internal static class KeyCommands
{
    public static Command Build() => new("keys", "Issue, list, revoke and rotate an entity's API keys (a new key is shown once).")
    {
        Create(),
        List(),
        Revoke(),
        Rotate(),
    };

    private static Command Create()
    {
        var entity = EntityCommands.EntityArgument();
        var label = new Option<string>("--label") { Description = "Where the key is used, e.g. \"claude desktop\"." };
        var expires = new Option<string>("--expires") { Description = "When the key stops working: a duration (30d, 12h) or a date-time (2027-01-31). Default: never.", HelpName = "when" };
        var command = new Command("create", "Issue a new key for an entity; it is shown once, so store it now.") { entity, label, expires };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var found = await EntityLookup.FindAsync(session.Get<EntityRegistry>(), parse.GetValue(entity)!, cancellationToken);
            var now = session.Get<TimeProvider>().GetUtcNow();
            var expiry = parse.GetValue(expires) is { } when ? CliParsers.Expiry(when, now) : (DateTimeOffset?)null;
            var issued = await session.Get<EntityKeys>().CreateAsync(found.Id, parse.GetValue(label), expiry, cancellationToken);
            WriteIssued(session, found, issued, "New key");
            return CliAction.Success;
        });
        return command;
    }

    private static Command List()
    {
        var entity = EntityCommands.EntityArgument();
        var command = new Command("list", "List an entity's keys (never the keys themselves): active, expired and revoked.") { entity };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var found = await EntityLookup.FindAsync(session.Get<EntityRegistry>(), parse.GetValue(entity)!, cancellationToken);
            var now = session.Get<TimeProvider>().GetUtcNow();
            var views = (await session.Get<EntityKeys>().ListAsync(found.Id, cancellationToken)).Select(c => KeyView.From(c, now)).ToList();
            var output = session.Output;
            if (output.Json)
            {
                output.WriteJson<IReadOnlyList<KeyView>>(views, HostJson.Default.IReadOnlyListKeyView);
                return CliAction.Success;
            }

            if (views.Count == 0)
            {
                output.Line($"{found.Name} has no keys. Issue one with `keys create {found.Id}`.");
                return CliAction.Success;
            }

            var table = new TextTable("id", "lookup", "label", "status", "created", "last used", "expires");
            foreach (var key in views)
            {
                table.Add(key.Id.ToString(), key.LookupId, key.Label, key.Status, CliOutput.Time(key.CreatedAt), CliOutput.Time(key.LastUsedAt), CliOutput.Time(key.ExpiresAt));
            }

            table.WriteTo(output.Out);
            return CliAction.Success;
        });
        return command;
    }

    private static Command Revoke()
    {
        var entity = EntityCommands.EntityArgument();
        var key = KeyArgument();
        var command = new Command("revoke", "Revoke a key: it never opens the entity again.") { entity, key };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var (found, credential) = await FindActiveKeyAsync(session, parse.GetValue(entity)!, parse.GetValue(key)!, cancellationToken);
            await session.Get<EntityKeys>().RevokeAsync(found.Id, credential.Id, cancellationToken);
            var output = session.Output;
            if (output.Json)
            {
                var now = session.Get<TimeProvider>().GetUtcNow();
                output.WriteJson(KeyView.From(credential with { RevokedAt = now }, now), HostJson.Default.KeyView);
            }
            else
            {
                output.Line($"Revoked key {credential.LookupId} ({credential.Id}) of {found.Name}.");
            }

            return CliAction.Success;
        });
        return command;
    }

    private static Command Rotate()
    {
        var entity = EntityCommands.EntityArgument();
        var key = KeyArgument();
        var expires = new Option<string>("--expires") { Description = "When the new key stops working (30d, 2027-01-31). Default: never.", HelpName = "when" };
        var command = new Command("rotate", "Replace a key: issue a new one with the same label (shown once) and revoke the old one.") { entity, key, expires };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var (found, credential) = await FindActiveKeyAsync(session, parse.GetValue(entity)!, parse.GetValue(key)!, cancellationToken);
            var now = session.Get<TimeProvider>().GetUtcNow();
            var expiry = parse.GetValue(expires) is { } when ? CliParsers.Expiry(when, now) : (DateTimeOffset?)null;
            var issued = await session.Get<EntityKeys>().RotateAsync(found.Id, credential.Id, expiry, cancellationToken);
            WriteIssued(session, found, issued, $"Revoked key {credential.LookupId}. New key");
            return CliAction.Success;
        });
        return command;
    }

    private static Argument<string> KeyArgument() => new("key") { Description = "The key's id or lookup id (from `keys list`)." };

    private static async Task<(Entity Entity, EntityCredential Credential)> FindActiveKeyAsync(CliSession session, string entityReference, string keyReference, CancellationToken cancellationToken)
    {
        var found = await EntityLookup.FindAsync(session.Get<EntityRegistry>(), entityReference, cancellationToken);
        var now = session.Get<TimeProvider>().GetUtcNow();
        var keys = await session.Get<EntityKeys>().ListAsync(found.Id, cancellationToken);
        var credential = keys.FirstOrDefault(k => (Guid.TryParse(keyReference, out var id) && k.Id == id) || string.Equals(k.LookupId, keyReference, StringComparison.Ordinal))
            ?? throw new CliException($"{found.Name} has no key '{keyReference}'. `keys list {found.Id}` lists its keys.");
        return credential.IsActive(now)
            ? (found, credential)
            : throw new CliException($"Key {credential.LookupId} of {found.Name} is already {(credential.RevokedAt is null ? "expired" : "revoked")}.");
    }

    private static void WriteIssued(CliSession session, Entity entity, IssuedEntityKey issued, string headline)
    {
        var now = session.Get<TimeProvider>().GetUtcNow();
        var urls = session.Get<EntityUrls>();
        var view = new IssuedKeyView(entity.Id.ToString(), entity.Name, issued.Key, urls.McpUrl(entity.Id), KeyView.From(issued.Credential, now));
        var output = session.Output;
        if (output.Json)
        {
            output.WriteJson(view, HostJson.Default.IssuedKeyView);
            return;
        }

        output.Line($"{headline} for {entity.Name}. It is shown once: store it now.");
        output.Line();
        output.Line("  " + issued.Key);
        output.Line();
        output.Fields(
            ("MCP URL", view.McpUrl.ToString()),
            ("Header", "Authorization: Bearer <the key>"),
            ("Key id", $"{view.Credential.Id} (lookup {view.Credential.LookupId})"),
            ("Label", view.Credential.Label),
            ("Expires", view.Credential.ExpiresAt is null ? "never" : CliOutput.Time(view.Credential.ExpiresAt)));
    }
}
