using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProctorWise.Api.Features.Cluster;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Hosting;

namespace ProctorWise.Api.Auth;

/// <summary>JWT bearer authentication with revocation, and the role policies.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>Registers token issuing and validation; start-up fails on a weak secret, and outside Development without one.</summary>
    public static IHostApplicationBuilder AddProctorWiseAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>>(new JwtOptionsValidator(secretOptional: builder.Environment.IsDevelopment()));

        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, SigningKeyProvider>((bearer, options, keys) =>
            {
                var settings = options.Value;
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadHubToken,
                    OnTokenValidated = RejectRevokedTokens,
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(Policies.Student, p => p.RequireRole(RoleNames.Of(Grains.Interfaces.Security.UserRole.Student)))
            .AddPolicy(Policies.Teacher, p => p.RequireRole("teacher", "admin"))
            .AddPolicy(Policies.Proctor, p => p.RequireRole("proctor", "admin"))
            .AddPolicy(Policies.Admin, p => p.RequireRole("admin"));
        return builder;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets: SignalR sends the token as <c>?access_token=</c>, accepted on hubs
    /// only. A browser navigating to the Orleans dashboard sends no header either: there the token comes from the
    /// HttpOnly, SameSite=Strict cookie that <c>POST /api/admin/dashboard/session</c> set for that path only.
    /// </summary>
    private static Task ReadHubToken(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (request.Path.StartsWithSegments("/hubs")
            && context.Request.Query["access_token"] is { Count: 1 } token)
        {
            context.Token = token;
        }
        else if (request.Path.StartsWithSegments(OrleansDashboardOptions.Path)
            && string.IsNullOrEmpty(request.Headers.Authorization)
            && request.Cookies.TryGetValue(ClusterEndpoints.DashboardCookie, out var cookie)
            && !string.IsNullOrEmpty(cookie))
        {
            context.Token = cookie;
        }

        return Task.CompletedTask;
    }

    /// <summary>A deactivated user, or one whose role changed, holds a token with an outdated stamp: refuse it.</summary>
    private static async Task RejectRevokedTokens(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirst(ClaimNames.Subject)?.Value;
        var stamp = principal?.FindFirst(ClaimNames.SecurityStamp)?.Value;
        if (userId is null || stamp is null)
        {
            context.Fail("The token lacks its subject or stamp.");
            return;
        }

        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        if (!await grains.GetGrain<IUserGrain>(userId).IsTokenValidAsync(stamp))
        {
            context.Fail("The token has been revoked.");
        }
    }
}
