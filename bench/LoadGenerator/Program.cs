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

        // Ctrl+C stops the current stage cleanly; the stages measured so far are still reported.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return await new LoadRun(options, args).RunAsync(cancel.Token).ConfigureAwait(false);
    }
}
