using Chanjing.Emulator;
using Chanjing.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Standalone: dotnet run --project src/Chanjing.Emulator [--urls http://127.0.0.1:5080] [--app-id X] [--secret-key Y]
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var options = new ChanjingEmulatorOptions
{
    AppId = builder.Configuration["app-id"] ?? Environment.GetEnvironmentVariable("CHANJING_EMULATOR_APP_ID") ?? "emulator",
    SecretKey = builder.Configuration["secret-key"] ?? Environment.GetEnvironmentVariable("CHANJING_EMULATOR_SECRET_KEY") ?? "emulator-secret",
    EnableAdminEndpoints = true,
};
if (builder.Configuration["urls"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var app = ChanjingEmulator.Build(builder, options, out var state);
await app.StartAsync();
state.BaseAddress = EmulatorAddress.Discover(app);
Console.WriteLine($"Chanjing emulator listening on {state.BaseAddress}");
Console.WriteLine($"  app id:     {state.AppId}");
Console.WriteLine($"  secret key: {options.SecretKey}");
Console.WriteLine($"  controls:   {state.BaseAddress}_emulator/ (faults, journal, callbacks, task and file status, token invalidation)");
Console.WriteLine($"  models:     {string.Join(", ", ChanjingEmulator.KnownModelCodes)}");
Console.WriteLine("Press Ctrl+C to stop.");
await app.WaitForShutdownAsync();
state.Dispose();
