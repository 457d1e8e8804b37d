using System.CommandLine;
using MCPilot.Host.Cli.Views;
using MCPilot.Host.Status;
using MCPilot.Storage.EfCore;

namespace MCPilot.Host.Cli;

/// <summary><c>db migrate|status</c>: the database's schema.</summary>
internal static class DbCommands
{
    public static Command Build() => new("db", "The database's schema: apply migrations, or see where it stands.")
    {
        Migrate(),
        Status(),
    };

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply every pending migration (the host also does at start, unless MCPilot:Storage:ApplyMigrationsAtStart is false).");
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var database = session.Get<MCPilotDatabase>();
            var before = await database.GetStatusAsync(cancellationToken);
            if (before.IsNewerThanThisVersion)
            {
                throw new CliException(DatabaseStatusSource.NewerDatabaseProblem(before));
            }

            var applied = await database.MigrateAsync(cancellationToken);
            var after = await database.GetStatusAsync(cancellationToken);
            var view = new MigrationView(applied, after.Applied.Count > 0 ? after.Applied[^1] : null);
            var output = session.Output;
            if (output.Json)
            {
                output.WriteJson(view, HostJson.Default.MigrationView);
            }
            else
            {
                output.Line(applied.Count == 0
                    ? $"The database is up to date (latest migration {view.Latest})."
                    : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}. Latest: {view.Latest}.");
            }

            return CliAction.Success;
        }, ensureSchema: false);
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Show the database's location and schema: applied, pending and unknown migrations.");
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var source = session.Get<IEnumerable<IHostStatusSource>>().OfType<DatabaseStatusSource>().Single();
            var report = new HostStatusReport(session.Get<TimeProvider>().GetUtcNow(), [await source.ReadAsync(cancellationToken)]);
            return StatusPresenter.Write(session.Output, report);
        }, ensureSchema: false);
        return command;
    }
}
