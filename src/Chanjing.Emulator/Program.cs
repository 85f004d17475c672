using Chanjing.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

var app = builder.Build();
var state = new EmulatorState(options);
ChanjingEmulator.Map(app, state, admin: true);
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
state.BaseAddress = new Uri(address.TrimEnd('/') + "/");
Console.WriteLine($"Chanjing emulator listening on {state.BaseAddress}");
Console.WriteLine($"  app id:     {options.AppId}");
Console.WriteLine($"  secret key: {options.SecretKey}");
Console.WriteLine($"  controls:   {state.BaseAddress}_emulator/ (faults, journal, task status, token invalidation)");
Console.WriteLine("Press Ctrl+C to stop.");
await app.WaitForShutdownAsync();
