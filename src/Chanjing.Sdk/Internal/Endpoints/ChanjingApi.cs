using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>
/// The internal API layer: one method per endpoint of the catalogue, sent through the pipeline on the transport of a
/// registration. The public client, waits and reconciliation call it; it never calls back up into them.
/// </summary>
internal sealed class ChanjingApi(ChanjingPipeline pipeline, Func<HttpClient> http)
{
    /// <summary>The HttpClient of the next call (from the factory under dependency injection, else the client's own).</summary>
    public HttpClient Http => http();

    /// <summary>Submits a validated body; <paramref name="ledger"/> records whether any attempt may have reached the service.</summary>
    public Task<string> SubmitAsync(byte[] json, SendLedger ledger, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.Submit, cancellationToken, body: json, ledger: ledger);

    public Task<CreationTask> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetTask, cancellationToken, "unique_id=" + Uri.EscapeDataString(taskId));

    /// <summary>One page of the task list (listing, waits on many tasks, reconciliation).</summary>
    public Task<TaskPage> ListTasksAsync(CreationType type, IReadOnlyList<string> ids, bool? onlySuccessful, int page, int pageSize, CancellationToken cancellationToken)
    {
        var body = new ListTasksBody { UniqueIds = ids, Type = type, Page = page, PageSize = pageSize, IsSuccess = onlySuccessful };
        var json = JsonSerializer.SerializeToUtf8Bytes(body, ChanjingJsonContext.Default.ListTasksBody);
        return pipeline.SendAsync(Http, ChanjingEndpoints.ListTasks, cancellationToken, body: json);
    }

    /// <summary>The newest page of tasks of <paramref name="type"/>.</summary>
    public async Task<IReadOnlyList<CreationTask>> ListNewestTasksAsync(CreationType type, CancellationToken cancellationToken) =>
        (await ListTasksAsync(type, [], null, 1, CreationTaskQuery.MaxPageSize, cancellationToken).ConfigureAwait(false)).Tasks;

    public Task<UploadTarget> CreateUploadUrlAsync(string query, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.CreateUploadUrl, cancellationToken, query);

    public Task<FileDetail> FileDetailAsync(string fileId, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.FileDetail, cancellationToken, "id=" + Uri.EscapeDataString(fileId));

    /// <summary>One page of public avatars; <paramref name="tagIds"/> are ANDed by the service.</summary>
    public Task<AvatarPage> ListPublicAvatarsAsync(int page, int size, IReadOnlyCollection<long> tagIds, CancellationToken cancellationToken)
    {
        var query = FormattableString.Invariant($"page={page}&size={size}");
        if (tagIds.Count > 0)
        {
            // CSV: a repeated key is read only once (products doc 1.1).
            query += "&tag_ids=" + string.Join(",", tagIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return pipeline.SendAsync(Http, ChanjingEndpoints.ListPublicAvatars, cancellationToken, query);
    }

    public Task<IReadOnlyList<AvatarTagCategory>> ListAvatarTagsAsync(CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.ListAvatarTags, cancellationToken);

    public Task<AvatarVideo> GetAvatarVideoAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetAvatarVideo, cancellationToken, "id=" + Uri.EscapeDataString(id));

    public Task<JobPage<AvatarVideo>> ListAvatarVideosAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.ListAvatarVideos, cancellationToken, body: JobPages.Body(page, pageSize));

    public Task<CustomAvatar> GetCustomAvatarAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetCustomAvatar, cancellationToken, "id=" + Uri.EscapeDataString(id));

    public Task<JobPage<CustomAvatar>> ListCustomAvatarsAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.ListCustomAvatars, cancellationToken, body: JobPages.Body(page, pageSize));

    /// <summary>Deletes a customised avatar; <paramref name="ledger"/> records the attempts that may have reached the service.</summary>
    public Task<bool> DeleteCustomAvatarAsync(string id, SendLedger ledger, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.DeleteCustomAvatar, cancellationToken, body: JsonBody.Write(w => w.WriteString("id", id)), ledger: ledger);

    public Task<SpeechTask> GetSpeechAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetSpeech, cancellationToken, body: JsonBody.Write(w => w.WriteString("task_id", id)));

    public Task<JobPage<PublicVoice>> ListPublicVoicesAsync(int page, int size, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.ListPublicVoices, cancellationToken, FormattableString.Invariant($"page={page}&size={size}"));

    public Task<CustomVoice> GetCustomVoiceAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetCustomVoice, cancellationToken, "id=" + Uri.EscapeDataString(id));

    public Task<JobPage<CustomVoice>> ListCustomVoicesAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.ListCustomVoices, cancellationToken, body: JobPages.Body(page, pageSize));

    public Task<LipSyncVideo> GetLipSyncAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetLipSync, cancellationToken, "id=" + Uri.EscapeDataString(id));

    public Task<JobPage<LipSyncVideo>> ListLipSyncAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.ListLipSync, cancellationToken, body: JobPages.Body(page, pageSize));

    public Task<AvatarPhotoTask> GetAvatarPhotoAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetAvatarPhoto, cancellationToken, "unique_id=" + Uri.EscapeDataString(id));

    public Task<JobPage<AvatarDesignTask>> ListAvatarDesignAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.ListAvatarDesign, cancellationToken, FormattableString.Invariant($"page={page}&page_size={pageSize}"));

    public Task<AvatarMotionTask> GetAvatarMotionAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetAvatarMotion, cancellationToken, "unique_id=" + Uri.EscapeDataString(id));

    public Task<AvatarLoraTask> GetAvatarLoraAsync(string id, CancellationToken cancellationToken) =>
        pipeline.SendAsync(Http, ChanjingEndpoints.GetAvatarLora, cancellationToken, "lora_id=" + Uri.EscapeDataString(id));
}
