using System.Runtime.InteropServices;
using ProctorWise.LoadGenerator.Load;

namespace ProctorWise.LoadGenerator;

/// <summary>Entry point: parses the command line and runs the stages.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(LoadOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }

        // Ctrl+C or SIGTERM stops the current stage; the stages measured so far are still reported.
        // (Console.CancelKeyPress alone is not enough: a shell starts background jobs with SIGINT ignored.)
        using var cancel = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }

        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        return await new LoadRun(options, args).RunAsync(cancel.Token).ConfigureAwait(false);
    }
}
