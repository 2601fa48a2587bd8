using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Identity;

/// <summary>Registers ASP.NET Core Identity's hasher behind <see cref="IPasswordHashing"/>.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>Adds the hasher unless a host registered its own (tests use a fast one).</summary>
    public static IServiceCollection AddIdentityPasswordHashing(this IServiceCollection services)
    {
        services.TryAddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        return services;
    }
}
