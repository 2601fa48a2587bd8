using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Mail;

/// <summary>Registers the <see cref="IMailSender"/> chosen by <see cref="MailOptions.Provider"/>.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>Binds <c>Mail:*</c>, validates it at start, and registers the sender unless one is registered already (tests).</summary>
    public static IServiceCollection AddProctorWiseMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        var provider = configuration.GetSection(MailOptions.Section).GetValue<MailProvider?>(nameof(MailOptions.Provider)) ?? MailProvider.Pickup;
        if (provider == MailProvider.Smtp)
        {
            services.TryAddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            services.TryAddSingleton<IMailSender, PickupFolderMailSender>();
        }

        return services;
    }
}
