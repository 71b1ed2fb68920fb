using System.CommandLine;
using Guichet.Hosting;

// `dotnet run --project src/Guichet` with no arguments is `guichet serve --demo` (CONTRACT).
if (args.Length == 0)
{
    args = ["serve", "--demo"];
}
return await GuichetCli.Build().Parse(args).InvokeAsync();
