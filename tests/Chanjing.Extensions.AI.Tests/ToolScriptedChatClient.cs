using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Chanjing.Extensions.AI.Tests;

/// <summary>
/// A fake model: asked first, it calls one tool with the given arguments; asked again with the tool's result in the
/// conversation, it answers with the <c>video_url</c> of that result (or says what came back instead).
/// </summary>
internal sealed class ToolScriptedChatClient(string toolName, IDictionary<string, object?> arguments) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var conversation = messages.ToList();
        Requests.Add(conversation);
        var result = conversation.SelectMany(m => m.Contents).OfType<FunctionResultContent>().LastOrDefault();
        if (result is null)
        {
            Assert.Contains(options?.Tools ?? [], t => t.Name == toolName);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", toolName, arguments)])));
        }

        var json = result.Result switch
        {
            JsonElement element => element,
            var other => JsonSerializer.SerializeToElement(other, AIJsonUtilities.DefaultOptions),
        };
        var text = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("video_url", out var url)
            ? $"Here is your video: {url.GetString()}"
            : $"The tool answered: {json}";
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
