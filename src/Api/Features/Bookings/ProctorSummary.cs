using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Features.Bookings;

/// <summary>A proctor as staff see them when assigning rooms.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address.</param>
public sealed record ProctorSummary(string Id, string Name, string Email)
{
    /// <summary>The summary of a user.</summary>
    public static ProctorSummary From(UserView user) => new(user.Id, user.Name, user.Email);
}
