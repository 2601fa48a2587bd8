namespace ProctorWise.Grains.Interfaces.Common;

/// <summary>One page of a list (docs/API.md §1: <c>{ items, page, pageSize, total }</c>).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The requested page size.</param>
/// <param name="Total">The number of items in all pages.</param>
[GenerateSerializer, Immutable, Alias("pw.paged-result`1")]
public sealed record class PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
