using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Emulator.Http;

/// <summary>The JSON of the journal and callback listings: the web defaults (camelCase), generated at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<EmulatorRequest>))]
[JsonSerializable(typeof(IReadOnlyList<EmulatorCallbackDelivery>))]
internal sealed partial class AdminJson : JsonSerializerContext;
