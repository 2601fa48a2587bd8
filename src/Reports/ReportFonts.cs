using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Errors;
using SkiaSharp;

namespace ProctorWise.Reports;

/// <summary>
/// The two typefaces of every report, loaded from <see cref="ReportOptions.FontDirectory"/> on first use. A missing
/// font is not replaced by whatever the system has (Skia would fall back to an empty default typeface and write a PDF
/// without text): the report fails with a message naming the file and the package that provides it.
/// </summary>
public sealed partial class ReportFonts(IOptions<ReportOptions> options, ILogger<ReportFonts> logger) : IDisposable
{
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private readonly Lock _lock = new();
    private SKTypeface? _regular;
    private SKTypeface? _bold;

    /// <summary>The regular and bold typefaces; throws a 503-kind <see cref="ProctorWiseException"/> when a file is missing or unreadable.</summary>
    public (SKTypeface Regular, SKTypeface Bold) Get()
    {
        lock (_lock)
        {
            // Loaded once found; while missing, every report checks again, so installing the package needs no restart.
            _regular ??= Load(RegularFile);
            _bold ??= Load(BoldFile);
            return (_regular, _bold);
        }
    }

    public void Dispose()
    {
        _regular?.Dispose();
        _bold?.Dispose();
    }

    private SKTypeface Load(string file)
    {
        var path = Path.Combine(options.Value.FontDirectory, file);
        var typeface = File.Exists(path) ? SKTypeface.FromFile(path) : null;
        if (typeface is null)
        {
            var message = $"PDF reports need the DejaVu Sans font {path}, which is {(File.Exists(path) ? "not a font Skia can read" : "missing")}: "
                + $"install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core) or set {ReportOptions.Section}:{nameof(ReportOptions.FontDirectory)} "
                + $"to a folder with {RegularFile} and {BoldFile}.";
            FontMissing(logger, message);
            throw new ProctorWiseException(ErrorKind.Unavailable, message);
        }

        return typeface;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void FontMissing(ILogger logger, string message);
}
