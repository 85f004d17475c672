using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Emulator.Http;

/// <summary>The JSON of the journal and callback listings: the web defaults (camelCase), endpoints by name, generated at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<EmulatorRequest>))]
[JsonSerializable(typeof(IReadOnlyList<EmulatorCallbackDelivery>))]
internal sealed partial class AdminJson : JsonSerializerContext
{
    /// <summary>
    /// The options the controls write with: the web defaults and the relaxed encoder ASP.NET Core's results use, so the
    /// journal reads as it was sent (<c>&amp;</c>, <c>&lt;</c> and quotes are not escaped as <c>\u0026</c>).
    /// </summary>
    public static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The generated metadata bound to <see cref="WriteOptions"/>.</summary>
    public static readonly AdminJson Relaxed = new(new JsonSerializerOptions(WriteOptions));
}
