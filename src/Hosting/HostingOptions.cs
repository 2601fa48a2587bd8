using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProctorWise.Persistence.MariaDb;

namespace ProctorWise.Hosting;

/// <summary>
/// The deployment's shape, read once from configuration before anything is registered: cluster identity and
/// endpoints, and which provider serves storage and streams. Every host and health check takes its choice
/// from here instead of re-reading configuration keys. Keys keep Orleans' own names
/// (<c>Orleans__ClusterId</c>, <c>Orleans__Endpoints__SiloPort</c>, …) so operators can use Orleans' docs.
/// </summary>
public sealed class HostingOptions
{
    /// <summary>The key of <see cref="Mode"/>.</summary>
    public const string ModeKey = "Orleans:Hosting";

    /// <summary>The key of the advertised address.</summary>
    public const string AdvertisedAddressKey = "Orleans:Endpoints:AdvertisedIPAddress";

    /// <summary>The key whose presence selects the Kafka stream provider.</summary>
    public const string KafkaBootstrapServersKey = "Kafka:BootstrapServers";

    /// <summary>The key of <see cref="ClusterId"/>.</summary>
    public const string ClusterIdKey = "Orleans:ClusterId";

    /// <summary>The key of <see cref="ServiceId"/>.</summary>
    public const string ServiceIdKey = "Orleans:ServiceId";

    /// <summary>The key of <see cref="SiloPort"/>.</summary>
    public const string SiloPortKey = "Orleans:Endpoints:SiloPort";

    /// <summary>The key of <see cref="GatewayPort"/>.</summary>
    public const string GatewayPortKey = "Orleans:Endpoints:GatewayPort";

    /// <summary>The key of <see cref="PrimarySiloPort"/>.</summary>
    public const string PrimarySiloPortKey = "Orleans:Endpoints:PrimarySiloPort";

    /// <summary>The key of <see cref="MariaDbConnectionString"/>.</summary>
    public const string MariaDbConnectionStringKey = "ConnectionStrings:" + MariaDbSettings.ConnectionStringName;

    /// <summary>Every key read here (the README's configuration table is checked against it).</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        ModeKey, ClusterIdKey, ServiceIdKey, SiloPortKey, GatewayPortKey, PrimarySiloPortKey, AdvertisedAddressKey,
        MariaDbConnectionStringKey, MariaDbSettings.MigrateOnStartKey, KafkaBootstrapServersKey,
    ];

    /// <summary>Whether a silo runs in this process (only read by hosts that can co-host one).</summary>
    public HostingMode Mode { get; init; } = HostingMode.Silo;

    /// <summary>The Orleans cluster id.</summary>
    public string ClusterId { get; init; } = "proctorwise";

    /// <summary>The Orleans service id (persisted state is keyed by it).</summary>
    public string ServiceId { get; init; } = "proctorwise";

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>The client gateway port.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Localhost clustering only: the silo port of the first silo, for later silos on one machine.</summary>
    public int? PrimarySiloPort { get; init; }

    /// <summary>
    /// The address other silos and clients use to reach this silo; null lets Orleans pick the host's own
    /// (never loopback by default, which inside a container would be unreachable from other pods).
    /// </summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>The MariaDB connection string, or null for in-memory storage.</summary>
    public string? MariaDbConnectionString { get; init; }

    /// <summary>Apply the schema when a silo starts.</summary>
    public bool MigrateOnStart { get; init; }

    /// <summary>The Kafka bootstrap servers, or null for memory streams.</summary>
    public string? KafkaBootstrapServers { get; init; }

    /// <summary>Where membership, state and reminders live.</summary>
    public StorageProvider Storage => MariaDbConnectionString is null ? StorageProvider.Memory : StorageProvider.MariaDb;

    /// <summary>What carries the streams.</summary>
    public StreamTransport Streams => KafkaBootstrapServers is null ? StreamTransport.Memory : StreamTransport.Kafka;

    /// <summary>Reads and validates the options; a bad value throws with the key that holds it.</summary>
    public static HostingOptions From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var options = new HostingOptions
        {
            Mode = Parse(configuration, ModeKey, HostingMode.Silo, errors),
            ClusterId = Text(configuration, ClusterIdKey, "proctorwise", errors),
            ServiceId = Text(configuration, ServiceIdKey, "proctorwise", errors),
            SiloPort = Port(configuration, SiloPortKey, errors) ?? 11111,
            GatewayPort = Port(configuration, GatewayPortKey, errors) ?? 30000,
            PrimarySiloPort = Port(configuration, PrimarySiloPortKey, errors),
            AdvertisedAddress = Address(configuration, errors),
            MariaDbConnectionString = MariaDbSettings.ConnectionString(configuration),
            MigrateOnStart = Parse(configuration, MariaDbSettings.MigrateOnStartKey, false, errors),
            KafkaBootstrapServers = configuration[KafkaBootstrapServersKey] is { } servers && !string.IsNullOrWhiteSpace(servers) ? servers.Trim() : null,
        };
        if (options.SiloPort == options.GatewayPort)
        {
            errors.Add($"{SiloPortKey} and {GatewayPortKey} are both {options.SiloPort}; they must differ.");
        }

        return errors.Count == 0 ? options : throw new OptionsValidationException(nameof(HostingOptions), typeof(HostingOptions), errors);
    }

    private static string Text(IConfiguration configuration, string key, string fallback, List<string> errors)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is empty.");
        }

        return value.Trim();
    }

    private static int? Port(IConfiguration configuration, string key, List<string> errors)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }

        errors.Add($"{key} is '{text}'; expected a port between 1 and 65535.");
        return null;
    }

    private static IPAddress? Address(IConfiguration configuration, List<string> errors)
    {
        if (configuration[AdvertisedAddressKey] is not { Length: > 0 } text)
        {
            return null;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return address;
        }

        errors.Add($"{AdvertisedAddressKey} is '{text}'; expected an IP address.");
        return null;
    }

    private static T Parse<T>(IConfiguration configuration, string key, T fallback, List<string> errors)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        try
        {
            var value = configuration.GetValue<T>(key) ?? fallback;
            if (value is not Enum || Enum.IsDefined(typeof(T), value))
            {
                return value;
            }
        }
        catch (InvalidOperationException)
        {
        }

        {
            var expected = typeof(T).IsEnum ? string.Join(" or ", Enum.GetNames(typeof(T))) : typeof(T).Name.ToLowerInvariant();
            errors.Add($"{key} is '{text}'; expected {expected}.");
            return fallback;
        }
    }
}
