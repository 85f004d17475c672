using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The answer of <c>file_detail</c>: the file's status and URL.</summary>
internal sealed record FileDetail(int Status, Uri? Url)
{
    public static FileDetail Read(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the file object in 'data' but found {data.ValueKind}.");
        }

        var status = JsonReading.GetInt64(data, "status") ?? throw new FormatException("The file detail has no 'status'.");
        var url = JsonReading.GetString(data, "full_path") ?? JsonReading.GetString(data, "url");
        return new FileDetail((int)status, string.IsNullOrEmpty(url) ? null : new Uri(url!, UriKind.Absolute));
    }
}
