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
}
