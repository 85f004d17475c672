using System.Runtime.CompilerServices;

namespace Chanjing.Sdk;

/// <summary>
/// Digital humans (<see cref="IChanjingClient.Avatars"/>): the public avatars with their framings, voices and tags,
/// the tag dictionary to filter them by, and the account's customised avatars (made from a video of a real person).
/// Members are virtual, for mocking.
/// </summary>
public partial class AvatarClient
{
    /// <summary>The page size of the customised-avatar listing.</summary>
    internal const int PageSize = 50;

    private readonly ProductContext? _context;

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected AvatarClient()
    {
    }

    internal AvatarClient(ProductContext context) => _context = context;

    private ProductContext Context => _context ?? throw new InvalidOperationException("This AvatarClient was created with the protected constructor meant for mocking; override the members you call.");

    private ChanjingApi Api => Context.Api;

    /// <summary>
    /// Every public avatar (<c>list_common_dp</c>), paged to the end and each yielded once, optionally only those
    /// carrying every tag in <see cref="PublicAvatarQuery.TagIds"/>.
    /// </summary>
    /// <param name="query">Filters and page size; null for every avatar, 50 a request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The avatars, in the service's order.</returns>
    /// <exception cref="ArgumentException">The page size is outside 1..<see cref="PublicAvatarQuery.MaxPageSize"/>, or a tag id is not positive (before any request).</exception>
    public virtual IAsyncEnumerable<PublicAvatar> ListPublicAsync(PublicAvatarQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new PublicAvatarQuery();
        if (query.PageSize is < 1 or > PublicAvatarQuery.MaxPageSize)
        {
            throw new ArgumentException($"PublicAvatarQuery.PageSize must be between 1 and {PublicAvatarQuery.MaxPageSize}, but was {query.PageSize}.", nameof(query));
        }

        // A snapshot, checked now: the caller may change the query while the listing runs.
        var tagIds = query.TagIds.ToArray();
        foreach (var id in tagIds)
        {
            if (id <= 0)
            {
                throw new ArgumentException($"PublicAvatarQuery.TagIds must hold positive tag ids (from ListTagsAsync), but holds {id}.", nameof(query));
            }
        }

        return ListPublicCoreAsync(query.PageSize, tagIds.Distinct().ToArray(), cancellationToken);
    }

    /// <summary>The tag dictionary (<c>common/tag_list</c>): every category with its tags.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The categories, in the service's order.</returns>
    public virtual Task<IReadOnlyList<AvatarTagCategory>> ListTagsAsync(CancellationToken cancellationToken = default) =>
        Api.ListAvatarTagsAsync(cancellationToken);

    private async IAsyncEnumerable<PublicAvatar> ListPublicCoreAsync(int pageSize, long[] tagIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var result = await Api.ListPublicAvatarsAsync(page, pageSize, tagIds, cancellationToken).ConfigureAwait(false);
            var fresh = 0;
            foreach (var avatar in result.Avatars)
            {
                // An avatar can move to the next page while we list: each is yielded once.
                if (seen.Add(avatar.Id))
                {
                    fresh++;
                    yield return avatar;
                }
            }

            // Ends on an empty page, a page with nothing new (a server repeating a page must not loop forever), the
            // last page, or once the total is reached.
            if (fresh == 0 || result.Avatars.Count < pageSize || (result.TotalPages is { } pages && page >= pages) || (result.TotalCount is { } total && seen.Count >= total))
            {
                yield break;
            }
        }
    }
}
