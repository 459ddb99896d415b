using MsoManager.Web.Hosting;
using Serilog;

// Until the host's logger is configured, start-up failures still reach the console.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddMsoManager();

    var app = builder.Build();
    var demoLogins = await app.InitializeDatabaseAsync();
    app.UseMsoManager();
    app.PrintStartBanner(demoLogins);

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // HostAbortedException is how `dotnet ef` stops the host after reading the model: not a failure.
    Log.Fatal(ex, "MSO Manager failed to start");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}
