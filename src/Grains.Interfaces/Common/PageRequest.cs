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

    /// <summary>Cuts one page out of an ordered sequence.</summary>
    public PagedResult<T> Apply<T>(IReadOnlyCollection<T> ordered) =>
        new([.. ordered.Skip((Page - 1) * PageSize).Take(PageSize)], Page, PageSize, ordered.Count);
}
