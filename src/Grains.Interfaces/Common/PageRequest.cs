namespace ProctorWise.Grains.Interfaces.Common;

/// <summary>A validated page request: page ≥ 1, 1 ≤ size ≤ <see cref="MaxPageSize"/>.</summary>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size.</param>
[GenerateSerializer, Immutable, Alias("pw.page-request")]
public sealed record class PageRequest(int Page, int PageSize)
{
    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Page one with the default size.</summary>
    public static PageRequest Default { get; } = new(1, DefaultPageSize);

    /// <summary>Cuts one page out of an ordered sequence; a page past the end is empty.</summary>
    public PagedResult<T> Apply<T>(IReadOnlyCollection<T> ordered)
    {
        // In 64 bits: (Page - 1) * PageSize wraps around in 32 for pages near int.MaxValue, and a negative
        // skip would serve the first page again.
        var skip = (long)(Page - 1) * PageSize;
        IReadOnlyList<T> items = Page < 1 || PageSize < 1 || skip >= ordered.Count ? [] : [.. ordered.Skip((int)skip).Take(PageSize)];
        return new(items, Page, PageSize, ordered.Count);
    }
}
