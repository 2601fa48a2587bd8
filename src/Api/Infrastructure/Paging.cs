using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Api.Infrastructure;

/// <summary>The <c>?page=&amp;pageSize=</c> query of every list (docs/API.md §1: pageSize ≤ 200).</summary>
internal static class Paging
{
    public static PageRequest From(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? PageRequest.DefaultPageSize;
        if (p < 1)
        {
            throw ProctorWiseException.Invalid("page", "Must be 1 or more.");
        }

        return size is < 1 or > PageRequest.MaxPageSize
            ? throw ProctorWiseException.Invalid("pageSize", $"Must be between 1 and {PageRequest.MaxPageSize}.")
            : new PageRequest(p, size);
    }
}
