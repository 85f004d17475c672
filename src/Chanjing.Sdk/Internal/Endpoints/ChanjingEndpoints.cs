namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>
/// Every endpoint the SDK calls, in one place (the emulator's endpoint table mirrors it). To add one: a row here with
/// its reader, and a method in the internal API layer (<see cref="ChanjingApi"/>) that sends it through the pipeline.
/// </summary>
internal static class ChanjingEndpoints
{
    /// <summary><c>POST /open/v1/access_token</c>: not authenticated; its answer holds a token, so no excerpt of it is ever shown.</summary>
    public static readonly ChanjingEndpoint<ChanjingAccessToken> AccessToken = new("access token fetch", HttpMethod.Post, "open/v1/access_token", RequestKind.Read, authenticated: false, sensitive: true, static r => TokenEndpoint.Read(r.Data));

    /// <summary><c>POST /open/v1/ai_creation/task/submit</c>: the paid call; retried only when certainly refused.</summary>
    public static readonly ChanjingEndpoint<string> Submit = new("submit", HttpMethod.Post, "open/v1/ai_creation/task/submit", RequestKind.Submit, authenticated: true, sensitive: false, static r => TaskReader.ReadTaskId(r.Data));

    /// <summary><c>GET /open/v1/ai_creation/task?unique_id=</c>.</summary>
    public static readonly ChanjingEndpoint<CreationTask> GetTask = new("task lookup", HttpMethod.Get, "open/v1/ai_creation/task", RequestKind.Read, authenticated: true, sensitive: false, static r => TaskReader.ReadTask(r.Data, r.Body));

    /// <summary><c>POST /open/v1/ai_creation/task/page</c>.</summary>
    public static readonly ChanjingEndpoint<TaskPage> ListTasks = new("task list", HttpMethod.Post, "open/v1/ai_creation/task/page", RequestKind.Read, authenticated: true, sensitive: false, static r => TaskPage.Read(r.Data, r.Body));

    /// <summary><c>GET /open/v1/common/create_upload_url</c>: its answer holds a signed URL, so no excerpt of it is ever shown.</summary>
    public static readonly ChanjingEndpoint<UploadTarget> CreateUploadUrl = new("upload URL request", HttpMethod.Get, "open/v1/common/create_upload_url", RequestKind.Read, authenticated: true, sensitive: true, static r => UploadTarget.Read(r.Data));

    /// <summary><c>GET /open/v1/common/file_detail?id=</c>.</summary>
    public static readonly ChanjingEndpoint<FileDetail> FileDetail = new("file detail", HttpMethod.Get, "open/v1/common/file_detail", RequestKind.Read, authenticated: true, sensitive: false, static r => Internal.Endpoints.FileDetail.Read(r.Data));

    /// <summary><c>GET /open/v1/list_common_dp</c>: public digital humans, a page (<c>page</c>, <c>size</c>, <c>tag_ids</c>).</summary>
    public static readonly ChanjingEndpoint<AvatarPage> ListPublicAvatars = new("public avatar list", HttpMethod.Get, "open/v1/list_common_dp", RequestKind.Read, authenticated: true, sensitive: false, static r => AvatarReader.ReadPage(r.Data));

    /// <summary><c>GET /open/v1/common/tag_list</c>: the tag dictionary, every category.</summary>
    public static readonly ChanjingEndpoint<IReadOnlyList<AvatarTagCategory>> ListAvatarTags = new("tag list", HttpMethod.Get, "open/v1/common/tag_list", RequestKind.Read, authenticated: true, sensitive: false, static r => AvatarReader.ReadTags(r.Data));
}
