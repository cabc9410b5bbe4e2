using NetworkFunctions.Local;
using NetworkFunctions.Local.Demo;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        Functions.Local: runs NetworkFunctions on this machine (Azurite, the Durable Task engine, the functions, a mail sink).

        dotnet run --project Functions.Local [-- options]
          --port N              HTTP port (default 7071; 0 picks a free one)
          --data DIR            Azurite's data folder (default .local)
          --azurite-port N      first of Azurite's three ports (default 10000)
          --backend B           durable storage: AzureStorage (default) or InMemory
          --task-hub NAME       durable task hub name (default NetworkFunctions)
          --message-visibility T  how long a message taken by a host that died stays invisible (default 00:05:00)
          --function-key KEY    key for function-level routes (default local-function-key; or Local__FunctionKey)
          --demo                also run the sample network as a year compressed into ~10 minutes, with simulated members
        """);
    return 0;
}

string? unknown = args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !LocalHostOptions.Switches.ContainsKey(args[i - 1])))
    .FirstOrDefault(a => !LocalHostOptions.Switches.ContainsKey(a.Split('=')[0]) && !LocalHostOptions.Flags.ContainsKey(a));
if (unknown is not null)
{
    Console.Error.WriteLine($"Unknown option {unknown}; see --help.");
    return 2;
}

await using LocalFunctionsHost host = await LocalFunctionsHost.StartAsync(LocalHostOptions.ExpandFlags(args));
Uri api = host.BaseAddress;
Console.WriteLine($"""

    NetworkFunctions is running ({host.Catalog.Functions.Count} functions, {host.Options.DurableBackend} engine, Azurite data in {Path.GetFullPath(host.Options.Data)}).
      Console: {api}api/console   (local development sign-in: type any name and address)
      API:     {api}api   (function key: header x-functions-key)
      Health:  {api}api/health
      Mailbox: {api}dev/mailbox
    Press Ctrl+C to stop.

    """);
Task demo = host.Options.Demo ? DemoRunner.StartAsync(host) : Task.CompletedTask;
await host.WaitForShutdownAsync();
await demo;
return 0;
