using System.CommandLine;
using Guichet.Features.Backup;
using Guichet.Features.Customers;
using Guichet.Features.Email;
using Guichet.Features.Incidents;
using Guichet.Features.Simulation;

namespace Guichet.Hosting;

/// <summary>The `guichet` command line: each verb lives with its feature and calls the same operations as the server.</summary>
public static class GuichetCli
{
    public static RootCommand Build() => new("Guichet: a help desk that keeps its word.")
    {
        ServeCommand.Build(),
        SimulateCommand.Build(),
        ImportVerbs(),
        BackupCommands.Backup(),
        BackupCommands.Restore(),
    };

    private static Command ImportVerbs()
    {
        var import = new Command("import", "Bring existing data into Guichet.") { ImportMailCommand.Build(), ImportCustomersCommand.Build(), Features.Customers.ImportOrganisationsCommand.Build(), ImportIncidentCommand.Build() };
        foreach (var verb in Features.Imports.ImportHistoryCommand.Build())
        {
            import.Subcommands.Add(verb);
        }
        return import;
    }
}
