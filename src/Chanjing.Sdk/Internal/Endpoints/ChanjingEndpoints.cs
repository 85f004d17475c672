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
    public static readonly ChanjingEndpoint<string> Submit = new("submit", HttpMethod.Post, "open/v1/ai_creation/task/submit", RequestKind.Submit, authenticated: true, sensitive: false, static r => TaskReader.ReadTaskId(r.Data), TaskFastReader.Id);

    /// <summary><c>GET /open/v1/ai_creation/task?unique_id=</c>; read in one pass where it can be (<see cref="TaskFastReader"/>).</summary>
    public static readonly ChanjingEndpoint<CreationTask> GetTask = new("task lookup", HttpMethod.Get, "open/v1/ai_creation/task", RequestKind.Read, authenticated: true, sensitive: false, static r => TaskReader.ReadTask(r.Data, r.Body), TaskFastReader.Task);

    /// <summary><c>POST /open/v1/ai_creation/task/page</c>; read in one pass where it can be (<see cref="TaskFastReader"/>).</summary>
    public static readonly ChanjingEndpoint<TaskPage> ListTasks = new("task list", HttpMethod.Post, "open/v1/ai_creation/task/page", RequestKind.Read, authenticated: true, sensitive: false, static r => TaskPage.Read(r.Data, r.Body), TaskFastReader.Page);

    /// <summary><c>GET /open/v1/common/create_upload_url</c>: its answer holds a signed URL, so no excerpt of it is ever shown.</summary>
    public static readonly ChanjingEndpoint<UploadTarget> CreateUploadUrl = new("upload URL request", HttpMethod.Get, "open/v1/common/create_upload_url", RequestKind.Read, authenticated: true, sensitive: true, static r => UploadTarget.Read(r.Data));

    /// <summary><c>GET /open/v1/common/file_detail?id=</c>.</summary>
    public static readonly ChanjingEndpoint<FileDetail> FileDetail = new("file detail", HttpMethod.Get, "open/v1/common/file_detail", RequestKind.Read, authenticated: true, sensitive: false, static r => Internal.Endpoints.FileDetail.Read(r.Data));

    /// <summary><c>GET /open/v1/list_common_dp</c>: public digital humans, a page (<c>page</c>, <c>size</c>, <c>tag_ids</c>).</summary>
    public static readonly ChanjingEndpoint<AvatarPage> ListPublicAvatars = new("public avatar list", HttpMethod.Get, "open/v1/list_common_dp", RequestKind.Read, authenticated: true, sensitive: false, static r => AvatarReader.ReadPage(r.Data));

    /// <summary><c>GET /open/v1/common/tag_list</c>: the tag dictionary, every category.</summary>
    public static readonly ChanjingEndpoint<IReadOnlyList<AvatarTagCategory>> ListAvatarTags = new("tag list", HttpMethod.Get, "open/v1/common/tag_list", RequestKind.Read, authenticated: true, sensitive: false, static r => AvatarReader.ReadTags(r.Data));

    /// <summary><c>POST /open/v1/create_video</c>: an avatar video, paid; retried only when certainly refused.</summary>
    public static readonly ChanjingEndpoint<string> CreateAvatarVideo = new("avatar video create", HttpMethod.Post, "open/v1/create_video", RequestKind.Submit, authenticated: true, sensitive: false, static r => JobPages.ReadId(r.Data, "avatar video"), TaskFastReader.Id);

    /// <summary><c>GET /open/v1/video?id=</c>; read in one pass where it can be (<see cref="TaskFastReader"/>).</summary>
    public static readonly ChanjingEndpoint<AvatarVideo> GetAvatarVideo = new("avatar video lookup", HttpMethod.Get, "open/v1/video", RequestKind.Read, authenticated: true, sensitive: false, static r => ProductReaders.ReadAvatarVideo(r.Data, r.Body), TaskFastReader.Video);

    /// <summary><c>POST /open/v1/video_list</c>: a page, <c>{List, PageInfo}</c> (capitalised).</summary>
    public static readonly ChanjingEndpoint<JobPage<AvatarVideo>> ListAvatarVideos = new("avatar video list", HttpMethod.Post, "open/v1/video_list", RequestKind.Read, authenticated: true, sensitive: false, r => JobPages.Read(r.Data, "avatar video", e => ProductReaders.ReadAvatarVideo(e, r.Body)));

    /// <summary><c>POST /open/v1/create_customised_person</c>: a customised avatar, paid; retried only when certainly refused.</summary>
    public static readonly ChanjingEndpoint<string> CreateCustomAvatar = new("customised avatar create", HttpMethod.Post, "open/v1/create_customised_person", RequestKind.Submit, authenticated: true, sensitive: false, static r => JobPages.ReadId(r.Data, "customised avatar"), TaskFastReader.Id);

    /// <summary><c>GET /open/v1/customised_person?id=</c>.</summary>
    public static readonly ChanjingEndpoint<CustomAvatar> GetCustomAvatar = new("customised avatar lookup", HttpMethod.Get, "open/v1/customised_person", RequestKind.Read, authenticated: true, sensitive: false, static r => ProductReaders.ReadCustomAvatar(r.Data, r.Body));

    /// <summary><c>POST /open/v1/list_customised_person</c>: a page, <c>{list, page_info}</c>.</summary>
    public static readonly ChanjingEndpoint<JobPage<CustomAvatar>> ListCustomAvatars = new("customised avatar list", HttpMethod.Post, "open/v1/list_customised_person", RequestKind.Read, authenticated: true, sensitive: false, r => JobPages.Read(r.Data, "customised avatar", e => ProductReaders.ReadCustomAvatar(e, r.Body)));

    /// <summary><c>POST /open/v1/delete_customised_person</c>: only the envelope matters. Deleting twice deletes once, so it is retried like a read.</summary>
    public static readonly ChanjingEndpoint<bool> DeleteCustomAvatar = new("customised avatar delete", HttpMethod.Post, "open/v1/delete_customised_person", RequestKind.Read, authenticated: true, sensitive: false, static _ => true);

    /// <summary><c>POST /open/v1/create_audio_task</c>: a speech task, paid; the answer is an object <c>{task_id}</c>.</summary>
    public static readonly ChanjingEndpoint<string> CreateSpeech = new("speech create", HttpMethod.Post, "open/v1/create_audio_task", RequestKind.Submit, authenticated: true, sensitive: false, static r => SpeechReaders.ReadTaskId(r.Data));

    /// <summary><c>POST /open/v1/audio_task_state</c> with <c>{task_id}</c>: a read, though a POST.</summary>
    public static readonly ChanjingEndpoint<SpeechTask> GetSpeech = new("speech task lookup", HttpMethod.Post, "open/v1/audio_task_state", RequestKind.Read, authenticated: true, sensitive: false, static r => SpeechReaders.ReadSpeechTask(r.Data, r.Body));

    /// <summary><c>GET /open/v1/list_common_audio</c>: public voices, a page (<c>page</c>, <c>size</c>).</summary>
    public static readonly ChanjingEndpoint<JobPage<PublicVoice>> ListPublicVoices = new("public voice list", HttpMethod.Get, "open/v1/list_common_audio", RequestKind.Read, authenticated: true, sensitive: false, r => JobPages.Read(r.Data, "public voice", e => SpeechReaders.ReadPublicVoice(e, r.Body)));

    /// <summary><c>POST /open/v1/create_customised_audio</c>: a voice clone, paid.</summary>
    public static readonly ChanjingEndpoint<string> CreateCustomVoice = new("voice clone create", HttpMethod.Post, "open/v1/create_customised_audio", RequestKind.Submit, authenticated: true, sensitive: false, static r => JobPages.ReadId(r.Data, "voice clone"), TaskFastReader.Id);

    /// <summary><c>GET /open/v1/customised_audio?id=</c>.</summary>
    public static readonly ChanjingEndpoint<CustomVoice> GetCustomVoice = new("voice clone lookup", HttpMethod.Get, "open/v1/customised_audio", RequestKind.Read, authenticated: true, sensitive: false, static r => SpeechReaders.ReadCustomVoice(r.Data, r.Body));

    /// <summary><c>POST /open/v1/list_customised_audio</c>: a page, <c>{list, page_info}</c>.</summary>
    public static readonly ChanjingEndpoint<JobPage<CustomVoice>> ListCustomVoices = new("voice clone list", HttpMethod.Post, "open/v1/list_customised_audio", RequestKind.Read, authenticated: true, sensitive: false, r => JobPages.Read(r.Data, "voice clone", e => SpeechReaders.ReadCustomVoice(e, r.Body)));

    /// <summary><c>POST /open/v1/video_lip_sync/create</c>: a lip-sync video, paid.</summary>
    public static readonly ChanjingEndpoint<string> CreateLipSync = new("lip-sync create", HttpMethod.Post, "open/v1/video_lip_sync/create", RequestKind.Submit, authenticated: true, sensitive: false, static r => JobPages.ReadId(r.Data, "lip-sync video"), TaskFastReader.Id);

    /// <summary><c>GET /open/v1/video_lip_sync/detail?id=</c>.</summary>
    public static readonly ChanjingEndpoint<LipSyncVideo> GetLipSync = new("lip-sync lookup", HttpMethod.Get, "open/v1/video_lip_sync/detail", RequestKind.Read, authenticated: true, sensitive: false, static r => DesignReaders.ReadLipSync(r.Data, r.Body));

    /// <summary><c>POST /open/v1/video_lip_sync/list</c>: a page, <c>{list, page_info}</c>.</summary>
    public static readonly ChanjingEndpoint<JobPage<LipSyncVideo>> ListLipSync = new("lip-sync list", HttpMethod.Post, "open/v1/video_lip_sync/list", RequestKind.Read, authenticated: true, sensitive: false, r => JobPages.Read(r.Data, "lip-sync video", e => DesignReaders.ReadLipSync(e, r.Body)));

    /// <summary><c>POST /open/v1/aigc/photo</c>: a photo task, paid.</summary>
    public static readonly ChanjingEndpoint<string> CreateAvatarPhoto = new("avatar photo create", HttpMethod.Post, "open/v1/aigc/photo", RequestKind.Submit, authenticated: true, sensitive: false, static r => JobPages.ReadId(r.Data, "avatar photo task"));

    /// <summary><c>GET /open/v1/aigc/photo/task?unique_id=</c>.</summary>
    public static readonly ChanjingEndpoint<AvatarPhotoTask> GetAvatarPhoto = new("avatar photo lookup", HttpMethod.Get, "open/v1/aigc/photo/task", RequestKind.Read, authenticated: true, sensitive: false, static r => DesignReaders.ReadPhoto(r.Data, r.Body));

    /// <summary><c>GET /open/v1/aigc/photo/task/page?page=&amp;page_size=</c>: photo and motion tasks, a plain array or <c>{list, page_info}</c>.</summary>
    public static readonly ChanjingEndpoint<JobPage<AvatarDesignTask>> ListAvatarDesign = new("avatar design list", HttpMethod.Get, "open/v1/aigc/photo/task/page", RequestKind.Read, authenticated: true, sensitive: false, static r => DesignReaders.ReadDesignPage(r.Data, r.Body));

    /// <summary><c>POST /open/v1/aigc/motion</c>: a motion task, paid.</summary>
    public static readonly ChanjingEndpoint<string> CreateAvatarMotion = new("avatar motion create", HttpMethod.Post, "open/v1/aigc/motion", RequestKind.Submit, authenticated: true, sensitive: false, static r => JobPages.ReadId(r.Data, "avatar motion task"));

    /// <summary><c>GET /open/v1/aigc/motion/task?unique_id=</c>.</summary>
    public static readonly ChanjingEndpoint<AvatarMotionTask> GetAvatarMotion = new("avatar motion lookup", HttpMethod.Get, "open/v1/aigc/motion/task", RequestKind.Read, authenticated: true, sensitive: false, static r => DesignReaders.ReadMotion(r.Data, r.Body));

    /// <summary><c>POST /open/v1/aigc/lora/task/create</c>: a LoRA task, paid; answered <c>{lora_id}</c>.</summary>
    public static readonly ChanjingEndpoint<string> CreateAvatarLora = new("LoRA create", HttpMethod.Post, "open/v1/aigc/lora/task/create", RequestKind.Submit, authenticated: true, sensitive: false, static r => DesignReaders.ReadLoraId(r.Data));

    /// <summary><c>GET /open/v1/aigc/lora/task?lora_id=</c>.</summary>
    public static readonly ChanjingEndpoint<AvatarLoraTask> GetAvatarLora = new("LoRA lookup", HttpMethod.Get, "open/v1/aigc/lora/task", RequestKind.Read, authenticated: true, sensitive: false, static r => DesignReaders.ReadLora(r.Data, r.Body));
}
