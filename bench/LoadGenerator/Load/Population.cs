using System.Collections.Concurrent;
using System.Globalization;
using ProctorWise.LoadGenerator.Api;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>
/// The accounts of a run, created once for the largest stage and reused by every stage (each stage has
/// its own exam, so a student's earlier booking does not get in the way).
/// </summary>
internal sealed record Population(Account Admin, Account Teacher, IReadOnlyList<Account> Proctors, IReadOnlyList<Account> Students)
{
    private const string Password = "load-test-password";

    /// <summary>
    /// Creating and signing in cost a password hash each (≈ 50 ms of server CPU), so the calls are bounded
    /// by --setup-parallelism instead of all being thrown at a two-core server at once.
    /// </summary>
    public static async Task<Population> CreateAsync(ApiClient api, LoadOptions options, int students, CancellationToken cancellationToken)
    {
        var admin = await api.LoginAsync(options.AdminEmail, options.AdminPassword, cancellationToken).ConfigureAwait(false);

        // A fresh prefix per run: the app keeps accounts in memory across runs, and addresses must be unique.
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var wanted = new List<(string Kind, int Index, string Role)> { ("teacher", 0, "teacher") };
        wanted.AddRange(Enumerable.Range(0, options.Proctors).Select(i => ("proctor", i, "proctor")));
        wanted.AddRange(Enumerable.Range(0, students).Select(i => ("student", i, "student")));

        var created = new ConcurrentDictionary<(string Kind, int Index), Account>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SetupParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(wanted, parallel, async (who, ct) =>
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"lg{run}-{who.Kind}{who.Index:D4}@load.test");
            var name = string.Create(CultureInfo.InvariantCulture, $"Load {who.Kind} {who.Index + 1}");
            await api.CreateUserAsync(admin, name, email, Password, who.Role, ct).ConfigureAwait(false);
            created[(who.Kind, who.Index)] = await api.LoginAsync(email, Password, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        return new Population(
            admin,
            created[("teacher", 0)],
            [.. Enumerable.Range(0, options.Proctors).Select(i => created[("proctor", i)])],
            [.. Enumerable.Range(0, students).Select(i => created[("student", i)])]);
    }
}
