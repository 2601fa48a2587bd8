using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProctorWise.Api.Auth;
using ProctorWise.Api.Infrastructure;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Features.Users;

/// <summary>The caller's profile and user administration.</summary>
public static class UserEndpoints
{
    /// <summary>Maps <c>/api/users</c>.</summary>
    public static RouteGroupBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/me", GetMeAsync).WithName("GetMe").WithSummary("The signed-in user.");
        group.MapPost("/me/password", ChangePasswordAsync).RequireRateLimiting(RateLimits.Credentials)
            .WithName("ChangePassword").WithSummary("Changes the caller's password; ends every other sign-in and returns a fresh token.");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Admin).WithName("ListUsers")
            .WithSummary("All users, optionally of one role and matching a search of name or e-mail.");
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Admin).WithName("ImportUsers")
            .WithSummary("Creates the accounts of a CSV file: all of them, or none when a line is wrong (each named).");
        group.MapPost("/{id}/password-reset", ResetPasswordAsync).RequireAuthorization(Policies.Admin).WithName("ResetPassword")
            .WithSummary("Sets a temporary password, shown once, that must be changed at the next sign-in; ends the user's sign-ins.");
        group.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Admin).WithName("GetUser").WithSummary("One user.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin).WithName("CreateUser").WithSummary("Creates an account with any role.");
        group.MapPatch("/{id}", UpdateAsync).RequireAuthorization(Policies.Admin).WithName("UpdateUser").WithSummary("Changes role or deactivates; revokes the user's tokens.");
        return group;
    }

    private static async Task<Ok<UserView>> GetMeAsync(ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(principal.ToCaller().UserId).GetAsync() ?? throw ProctorWiseException.NotFound("User"));

    private static async Task<Ok<PagedResult<UserView>>> ListAsync(string? role, string? search, int? page, int? pageSize, IGrainFactory grains)
    {
        if (search is { Length: > 100 })
        {
            throw ProctorWiseException.Invalid("search", "At most 100 characters.");
        }

        // Query values use the JSON names ("proctor"), like every other enum of the API.
        UserRole? filter = role is null ? null
            : RoleNames.TryParse(role, out var parsed) ? parsed
            : throw ProctorWiseException.Invalid("role", "Expected one of: student, teacher, proctor, admin.");
        return TypedResults.Ok(await grains.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default).SearchAsync(filter, search, Paging.From(page, pageSize)));
    }

    private static async Task<Ok<UserView>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(id).GetAsync() ?? throw ProctorWiseException.NotFound("User"));

    private static async Task<Created<UserView>> CreateAsync(CreateUserRequest body, IGrainFactory grains)
    {
        var role = body.Role ?? throw ProctorWiseException.Invalid("role", "Required.");
        var email = EmailAddress.Normalize(body.Email);
        var user = await grains.GetGrain<IUserEmailIndexGrain>(email.Length > 0 ? email : "-")
            .RegisterAsync(new NewUser(body.Name ?? string.Empty, body.Email ?? string.Empty, body.Password ?? string.Empty, role));
        return TypedResults.Created($"/api/users/{user.Id}", user);
    }

    private static async Task<Ok<TokenResponse>> ChangePasswordAsync(ChangePasswordRequest body, ClaimsPrincipal principal, IGrainFactory grains, TokenService tokens)
    {
        var outcome = await grains.GetGrain<IUserGrain>(principal.ToCaller().UserId).ChangePasswordAsync(body.CurrentPassword ?? string.Empty, body.NewPassword ?? string.Empty);

        // The password was just proven: the new token starts a new sign-in.
        return TypedResults.Ok(tokens.Issue(outcome.User, outcome.SecurityStamp));
    }

    private static async Task<Ok<PasswordReset>> ResetPasswordAsync(string id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(id).ResetPasswordAsync(principal.ToCaller()));

    private static async Task<Ok<ImportUsersResponse>> ImportAsync(ImportUsersRequest body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var rows = UserCsv.Parse(body.Csv);
        return TypedResults.Ok(new ImportUsersResponse(await grains.GetGrain<IUserImportGrain>(0).ImportAsync(principal.ToCaller(), rows)));
    }

    private static async Task<Ok<UserView>> UpdateAsync(string id, UpdateUserRequest body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(id).UpdateAsync(principal.ToCaller(), new UserUpdate(body.Role, body.IsActive)));
}
