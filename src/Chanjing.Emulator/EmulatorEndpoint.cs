namespace Chanjing.Emulator;

/// <summary>The endpoints a fault can target.</summary>
public enum EmulatorEndpoint
{
    /// <summary>Any endpoint.</summary>
    Any,

    /// <summary><c>POST /open/v1/access_token</c>.</summary>
    AccessToken,

    /// <summary><c>POST /open/v1/ai_creation/task/submit</c>.</summary>
    Submit,

    /// <summary><c>GET /open/v1/ai_creation/task</c>.</summary>
    GetTask,

    /// <summary><c>POST /open/v1/ai_creation/task/page</c>.</summary>
    ListTasks,

    /// <summary><c>GET /open/v1/common/create_upload_url</c>.</summary>
    CreateUploadUrl,

    /// <summary>The signed upload <c>PUT</c>.</summary>
    UploadPut,

    /// <summary><c>GET /open/v1/common/file_detail</c>.</summary>
    FileDetail,

    /// <summary>Downloads of produced or uploaded files.</summary>
    Download,

    /// <summary>A path the emulator does not serve.</summary>
    Unknown,

    /// <summary>A completion callback the emulator sent (journal only; faults do not apply).</summary>
    Callback,

    /// <summary><c>GET /open/v1/list_common_audio</c>: the public voices.</summary>
    ListPublicVoices,

    /// <summary><c>GET /open/v1/list_common_dp</c>: the public avatars.</summary>
    ListPublicAvatars,

    /// <summary><c>GET /open/v1/common/tag_list</c>: the tag dictionary.</summary>
    ListTags,

    /// <summary><c>POST /open/v1/create_customised_person</c>.</summary>
    CreateCustomisedPerson,

    /// <summary><c>GET /open/v1/customised_person</c>.</summary>
    GetCustomisedPerson,

    /// <summary><c>POST /open/v1/list_customised_person</c>.</summary>
    ListCustomisedPersons,

    /// <summary><c>POST /open/v1/delete_customised_person</c>.</summary>
    DeleteCustomisedPerson,

    /// <summary><c>POST /open/v1/create_video</c>: an avatar video.</summary>
    CreateVideo,

    /// <summary><c>GET /open/v1/video</c>.</summary>
    GetVideo,

    /// <summary><c>POST /open/v1/video_list</c>.</summary>
    ListVideos,

    /// <summary><c>POST /open/v1/create_audio_task</c>: text to speech.</summary>
    CreateSpeechTask,

    /// <summary><c>POST /open/v1/audio_task_state</c>.</summary>
    GetSpeechTask,

    /// <summary><c>POST /open/v1/create_customised_audio</c>: a voice clone.</summary>
    CreateCustomVoice,

    /// <summary><c>GET /open/v1/customised_audio</c>.</summary>
    GetCustomVoice,

    /// <summary><c>POST /open/v1/list_customised_audio</c>.</summary>
    ListCustomVoices,

    /// <summary><c>POST /open/v1/video_lip_sync/create</c>: a lip-sync video.</summary>
    CreateLipSync,

    /// <summary><c>GET /open/v1/video_lip_sync/detail</c>.</summary>
    GetLipSync,

    /// <summary><c>POST /open/v1/video_lip_sync/list</c>.</summary>
    ListLipSyncs,

    /// <summary><c>POST /open/v1/aigc/photo</c>: an avatar design photo task.</summary>
    CreateAvatarPhoto,

    /// <summary><c>GET /open/v1/aigc/photo/task</c>.</summary>
    GetAvatarPhoto,

    /// <summary><c>GET /open/v1/aigc/photo/task/page</c>: photo and motion tasks.</summary>
    ListAvatarDesignTasks,

    /// <summary><c>POST /open/v1/aigc/motion</c>: an avatar design motion (talking video) task.</summary>
    CreateAvatarMotion,

    /// <summary><c>GET /open/v1/aigc/motion/task</c>.</summary>
    GetAvatarMotion,

    /// <summary><c>POST /open/v1/aigc/lora/task/create</c>: a LoRA training task.</summary>
    CreateLora,

    /// <summary><c>GET /open/v1/aigc/lora/task</c>.</summary>
    GetLora,
}
