using System.Diagnostics;

namespace ProctorWise.TestSupport.Web;

/// <summary>Reads a PDF back with Debian's poppler-utils (pdftotext, pdffonts, pdfinfo), which scripts/test.sh installs.</summary>
public static class PdfTools
{
    /// <summary>The text, in page layout (a row of a table stays on one line).</summary>
    public static Task<string> TextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-layout", "{file}", "-");

    /// <summary>The fonts table: one line per font with its type and whether it is embedded.</summary>
    public static Task<string> FontsAsync(byte[] pdf) => RunAsync("pdffonts", pdf, "{file}");

    /// <summary>The document's information (pages, page size, title).</summary>
    public static Task<string> InfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, "{file}");

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pw-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{file}" ? file : argument);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException($"{tool} is missing: install Debian's poppler-utils (scripts/test.sh does).", exception);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
