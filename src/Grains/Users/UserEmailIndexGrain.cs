using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Users;

/// <inheritdoc cref="IUserEmailIndexGrain"/>
public sealed class UserEmailIndexGrain(
    [PersistentState(StateNames.EmailIndex, StorageNames.Default)] IPersistentState<EmailIndexState> claim,
    IPasswordHashing hashing) : Grain, IUserEmailIndexGrain
{
    // A real hash of a random password: verifying against it costs what a real check costs.
    private static readonly Lazy<string> s_decoyPassword = new(() => Guid.NewGuid().ToString("N"));
    private static string? s_decoyHash;

    public async Task<UserView> RegisterAsync(NewUser newUser)
    {
        var (name, email) = UserRules.Check(newUser.Name, newUser.Email, newUser.Password);
        if (email != this.GetPrimaryKeyString())
        {
            throw ProctorWiseException.Invalid("email", "Not a valid e-mail address.");
        }

        if (claim.State.UserId is { } existing)
        {
            // A claim whose account was never created is a registration that failed half-way: finish it.
            if (await GrainFactory.GetGrain<IUserGrain>(existing).GetAsync() is not null)
            {
                throw ProctorWiseException.Conflict("This e-mail address is already registered.");
            }
        }
        else
        {
            // The claim is written first, so a crash before the account exists can be resumed, never duplicated.
            claim.State.UserId = Guid.CreateVersion7().ToString("N");
            await claim.WriteStateAsync();
        }

        var created = await GrainFactory.GetGrain<IUserGrain>(claim.State.UserId).CreateAsync(newUser with { Name = name, Email = email });
        await GrainFactory.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default).UpsertAsync(created);
        return created;
    }

    public async Task<LoginOutcome?> VerifyPasswordAsync(string password)
    {
        if (claim.State.UserId is { } userId)
        {
            return await GrainFactory.GetGrain<IUserGrain>(userId).VerifyPasswordAsync(password);
        }

        s_decoyHash ??= hashing.Hash(s_decoyPassword.Value);
        _ = hashing.Verify(s_decoyHash, password);
        return null;
    }

    public Task<string?> GetUserIdAsync() => Task.FromResult(claim.State.UserId);
}
