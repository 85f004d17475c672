namespace Chanjing.Emulator;

/// <summary>The test controls of lip-sync and avatar design (text-to-digital-person).</summary>
public sealed partial class ChanjingEmulator
{
    /// <summary>How many lip-sync videos <c>video_lip_sync/create</c> has accepted.</summary>
    public int LipSyncCount => _state.LipSyncs.Count;

    /// <summary>Forces a lip-sync video's status from now on: 30 (failed) with a <c>msg</c>, 20 to succeed at once, 0 or 10 to hold it.</summary>
    /// <param name="videoId">The id <c>video_lip_sync/create</c> answered.</param>
    /// <param name="status">The <c>status</c> to report (0 queued, 10 generating, 20 success, 30 failed).</param>
    /// <param name="message">The <c>msg</c> to report (null: a generic failure message for 30, empty otherwise).</param>
    public void SetLipSyncStatus(string videoId, int status, string? message = null) => _state.LipSyncs.SetStatus(videoId, status, message);

    /// <summary>The bytes the emulator serves for a finished lip-sync video: the MP4 or its PNG cover.</summary>
    /// <param name="videoId">The video id.</param>
    /// <param name="extension"><c>.mp4</c> (the default) or <c>.png</c>.</param>
    /// <returns>The file content.</returns>
    public byte[] GetLipSyncOutputBytes(string videoId, string extension = ".mp4") => _state.LipSyncs.OutputBytes(videoId, extension);

    /// <summary>Forces a photo or motion task's <c>progress_desc</c> from now on (for example <c>Fail</c>, <c>Error</c> or an unknown value).</summary>
    /// <param name="uniqueId">The <c>unique_id</c> <c>aigc/photo</c> or <c>aigc/motion</c> answered (or a LoRA's photo task).</param>
    /// <param name="status">The <c>progress_desc</c> to report.</param>
    /// <param name="errorMessage">The <c>err_msg</c> to report (null: a generic one for <c>Fail</c> / <c>Error</c>).</param>
    public void SetAvatarDesignStatus(string uniqueId, string status, string? errorMessage = null) => _state.AvatarDesigns.SetStatus(uniqueId, status, errorMessage);

    /// <summary>Forces a LoRA task's <c>status</c> from now on (for example <c>Fail</c>, or <c>Published</c>).</summary>
    /// <param name="loraId">The <c>lora_id</c> <c>aigc/lora/task/create</c> answered.</param>
    /// <param name="status">The <c>status</c> to report.</param>
    /// <param name="errorMessage">The <c>err_msg</c> to report (null: a generic one for <c>Fail</c>).</param>
    public void SetLoraStatus(string loraId, string status, string? errorMessage = null) => _state.Loras.SetStatus(loraId, status, errorMessage);

    /// <summary>The bytes of one output of a finished photo task (a PNG, in <c>output_url</c> order) or motion task (index 0, an MP4).</summary>
    /// <param name="uniqueId">The task's <c>unique_id</c>.</param>
    /// <param name="index">The 0-based output index.</param>
    /// <returns>The file content.</returns>
    public byte[] GetAvatarDesignOutputBytes(string uniqueId, int index = 0) => _state.AvatarDesigns.OutputBytes(uniqueId, index);
}
