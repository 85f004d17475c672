using System.Text.Json.Nodes;
using Chanjing.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chanjing.Emulator.Http;

/// <summary>
/// The emulated service: classifies each request, journals it, applies a scripted fault's hooks around processing,
/// and dispatches to the token registry, the product stores (AI creation, voices and voice clones, speech, avatars,
/// customised avatars, avatar videos, lip-sync, avatar design), the file store or downloads.
/// </summary>
internal static class ServiceEndpoints
{
    public static void Map(WebApplication app, EmulatorState state, bool admin)
    {
        if (admin)
        {
            AdminEndpoints.Map(app, state);
        }

        // The admin endpoints are routed (routing runs first in a WebApplication); everything else is the emulated service.
        app.Use((context, next) => context.GetEndpoint() is not null ? next(context) : HandleAsync(context, state));
    }

    private static EmulatorEndpoint Classify(HttpRequest request) => (request.Method, request.Path.Value) switch
    {
        ("POST", "/open/v1/access_token") => EmulatorEndpoint.AccessToken,
        ("POST", "/open/v1/ai_creation/task/submit") => EmulatorEndpoint.Submit,
        ("GET", "/open/v1/ai_creation/task") => EmulatorEndpoint.GetTask,
        ("POST", "/open/v1/ai_creation/task/page") => EmulatorEndpoint.ListTasks,
        ("GET", "/open/v1/common/create_upload_url") => EmulatorEndpoint.CreateUploadUrl,
        ("GET", "/open/v1/common/file_detail") => EmulatorEndpoint.FileDetail,
        ("PUT", var p) when p!.StartsWith("/upload/", StringComparison.Ordinal) => EmulatorEndpoint.UploadPut,
        ("GET", "/open/v1/list_common_audio") => EmulatorEndpoint.ListPublicVoices,
        ("GET", "/open/v1/list_common_dp") => EmulatorEndpoint.ListPublicAvatars,
        ("GET", "/open/v1/common/tag_list") => EmulatorEndpoint.ListTags,
        ("POST", "/open/v1/create_customised_person") => EmulatorEndpoint.CreateCustomisedPerson,
        ("GET", "/open/v1/customised_person") => EmulatorEndpoint.GetCustomisedPerson,
        ("POST", "/open/v1/list_customised_person") => EmulatorEndpoint.ListCustomisedPersons,
        ("POST", "/open/v1/delete_customised_person") => EmulatorEndpoint.DeleteCustomisedPerson,
        ("POST", "/open/v1/create_video") => EmulatorEndpoint.CreateVideo,
        ("GET", "/open/v1/video") => EmulatorEndpoint.GetVideo,
        ("POST", "/open/v1/video_list") => EmulatorEndpoint.ListVideos,
        ("POST", "/open/v1/create_audio_task") => EmulatorEndpoint.CreateSpeechTask,
        ("POST", "/open/v1/audio_task_state") => EmulatorEndpoint.GetSpeechTask,
        ("POST", "/open/v1/create_customised_audio") => EmulatorEndpoint.CreateCustomVoice,
        ("GET", "/open/v1/customised_audio") => EmulatorEndpoint.GetCustomVoice,
        ("POST", "/open/v1/list_customised_audio") => EmulatorEndpoint.ListCustomVoices,
        ("POST", "/open/v1/video_lip_sync/create") => EmulatorEndpoint.CreateLipSync,
        ("GET", "/open/v1/video_lip_sync/detail") => EmulatorEndpoint.GetLipSync,
        ("POST", "/open/v1/video_lip_sync/list") => EmulatorEndpoint.ListLipSyncs,
        ("POST", "/open/v1/aigc/photo") => EmulatorEndpoint.CreateAvatarPhoto,
        ("GET", "/open/v1/aigc/photo/task") => EmulatorEndpoint.GetAvatarPhoto,
        ("GET", "/open/v1/aigc/photo/task/page") => EmulatorEndpoint.ListAvatarDesignTasks,
        ("POST", "/open/v1/aigc/motion") => EmulatorEndpoint.CreateAvatarMotion,
        ("GET", "/open/v1/aigc/motion/task") => EmulatorEndpoint.GetAvatarMotion,
        ("POST", "/open/v1/aigc/lora/task/create") => EmulatorEndpoint.CreateLora,
        ("GET", "/open/v1/aigc/lora/task") => EmulatorEndpoint.GetLora,
        ("GET" or "HEAD", var p) when p!.StartsWith("/files/", StringComparison.Ordinal) => EmulatorEndpoint.Download,
        _ => EmulatorEndpoint.Unknown,
    };

    private static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var request = context.Request;
        var endpoint = Classify(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var token = request.Headers["access_token"].ToString();
        var time = state.Options.TimeProvider;
        state.Journal.Record(new EmulatorRequest(endpoint, request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty,
            JsonBody.Redact(body, request.ContentType, endpoint == EmulatorEndpoint.AccessToken, state.Options.SecretKey),
            !string.IsNullOrEmpty(token), time.GetUtcNow(), request.Headers.Range.ToString() is { Length: > 0 } r ? r : null, request.ContentType));

        var hook = FaultHook.For(state.Faults.Take(endpoint));
        var response = await hook.BeforeAsync(context, time).ConfigureAwait(false);
        if (FaultHook.IsDropped(context))
        {
            return;
        }

        response ??= hook.After(context, Process(context, state, endpoint, body, token));
        if (!FaultHook.IsDropped(context))
        {
            await ResponseWriter.WriteAsync(context, response, hook, time).ConfigureAwait(false);
        }
    }

    private static EmulatorResponse Process(HttpContext context, EmulatorState state, EmulatorEndpoint endpoint, byte[] body, string token)
    {
        switch (endpoint)
        {
            case EmulatorEndpoint.Unknown:
                return EmulatorResponse.NotFound();
            case EmulatorEndpoint.Download:
                return DownloadEndpoint.Serve(context.Request, state);
            case EmulatorEndpoint.UploadPut:
                return state.Files.Upload(context.Request.Path.Value!["/upload/".Length..], context.Request.ContentType, body);
        }

        JsonObject? json = null;
        if (HttpMethods.IsPost(context.Request.Method) && (json = JsonBody.TryParseObject(body)) is null)
        {
            return EmulatorResponse.Envelope(400, "请求格式错误", null);
        }

        if (endpoint == EmulatorEndpoint.AccessToken)
        {
            return state.Tokens.Issue(json!);
        }

        if (state.Tokens.Authenticate(token) is { } rejected)
        {
            return rejected;
        }

        if (state.RateLimits.Exceeded(endpoint))
        {
            return EmulatorResponse.Envelope(40001, EmulatorResponse.DefaultMessage(40001), null);
        }

        var query = context.Request.Query;
        return endpoint switch
        {
            EmulatorEndpoint.Submit => state.Tasks.Submit(json!),
            EmulatorEndpoint.GetTask => state.Tasks.Get(query["unique_id"]),
            EmulatorEndpoint.ListTasks => state.Tasks.List(json!),
            EmulatorEndpoint.CreateUploadUrl => state.Files.CreateUploadUrl(query["service"], query["name"]),
            EmulatorEndpoint.FileDetail => state.Files.Detail(query["id"]),
            EmulatorEndpoint.ListPublicVoices => state.Voices.List(query["page"], query["size"]),
            EmulatorEndpoint.ListPublicAvatars => state.PublicAvatars.List(query["page"], query["size"], query["tag_ids"], query["source"]),
            EmulatorEndpoint.ListTags => Avatars.PublicAvatarCatalog.TagList(query["business_type"]),
            EmulatorEndpoint.CreateCustomisedPerson => state.Persons.Create(json!),
            EmulatorEndpoint.GetCustomisedPerson => state.Persons.Get(query["id"]),
            EmulatorEndpoint.ListCustomisedPersons => state.Persons.List(json!),
            EmulatorEndpoint.DeleteCustomisedPerson => state.Persons.Delete(json!),
            EmulatorEndpoint.CreateVideo => state.Videos.Create(json!),
            EmulatorEndpoint.GetVideo => state.Videos.Get(query["id"]),
            EmulatorEndpoint.ListVideos => state.Videos.List(json!),
            EmulatorEndpoint.CreateSpeechTask => state.Speech.Create(json!),
            EmulatorEndpoint.GetSpeechTask => state.Speech.State(json!),
            EmulatorEndpoint.CreateCustomVoice => state.CustomVoices.Create(json!),
            EmulatorEndpoint.GetCustomVoice => state.CustomVoices.Get(query["id"]),
            EmulatorEndpoint.ListCustomVoices => state.CustomVoices.List(json!),
            EmulatorEndpoint.CreateLipSync => state.LipSyncs.Create(json!),
            EmulatorEndpoint.GetLipSync => state.LipSyncs.Get(query["id"]),
            EmulatorEndpoint.ListLipSyncs => state.LipSyncs.List(json!),
            EmulatorEndpoint.CreateAvatarPhoto => state.AvatarDesigns.CreatePhoto(json!),
            EmulatorEndpoint.GetAvatarPhoto => state.AvatarDesigns.Get(query["unique_id"], AvatarDesign.DesignTask.PhotoType),
            EmulatorEndpoint.ListAvatarDesignTasks => state.AvatarDesigns.Page(query["page"], query["page_size"]),
            EmulatorEndpoint.CreateAvatarMotion => state.AvatarDesigns.CreateMotion(json!),
            EmulatorEndpoint.GetAvatarMotion => state.AvatarDesigns.Get(query["unique_id"], AvatarDesign.DesignTask.MotionType),
            EmulatorEndpoint.CreateLora => state.Loras.Create(json!),
            EmulatorEndpoint.GetLora => state.Loras.Get(query["lora_id"]),
            _ => EmulatorResponse.NotFound(),
        };
    }
}
