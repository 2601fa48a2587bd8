using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Grains.Ports;
using ProctorWise.Grains.Proctoring;

namespace ProctorWise.Grains.Users;

/// <inheritdoc cref="IUserGrain"/>
public sealed partial class UserGrain(
    [PersistentState(StateNames.User, StorageNames.Default)] IPersistentState<UserState> user,
    IPasswordHashing hashing,
    EventOutboxFactory outboxes,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IUserGrain
{
    private EventOutbox _outbox = null!;

    private UserState State => user.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => user.WriteStateAsync());
        return _outbox.OnActivateAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _outbox.OnDeactivateAsync();

    private bool Exists => user.RecordExists && State.Email.Length > 0;

    public async Task<UserView> CreateAsync(NewUser newUser)
    {
        if (Exists)
        {
            // Creation is repeated by the e-mail index after a failure: same address, same account.
            return State.Email == newUser.Email
                ? View()
                : throw ProctorWiseException.Conflict("This account already exists.");
        }

        State.Name = newUser.Name;
        State.Email = newUser.Email;
        State.PasswordHash = hashing.Hash(newUser.Password);
        State.Role = newUser.Role;
        State.IsActive = true;
        State.MustChangePassword = newUser.MustChangePassword;
        State.SecurityStamp = NewStamp();
        State.CreatedAt = clock.GetUtcNow();
        _outbox.Add(StreamNamespaces.Users, Id, new UserRegistered(Guid.CreateVersion7(), State.CreatedAt, Id, State.Role, State.CreatedAt));
        await _outbox.CommitAsync();
        return View();
    }

    public Task<UserView?> GetAsync() => Task.FromResult(Exists ? View() : null);

    public async Task<LoginOutcome?> VerifyPasswordAsync(string password)
    {
        if (!Exists)
        {
            return null;
        }

        // The hash is checked for deactivated accounts too: answering them without the (slow) hashing
        // would let anyone tell deactivated addresses apart by the answer time.
        var check = hashing.Verify(State.PasswordHash, password);
        if (check == PasswordCheck.Failed || !State.IsActive)
        {
            return null;
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            State.PasswordHash = hashing.Hash(password);
            await user.WriteStateAsync();
        }

        return new LoginOutcome(View(), State.SecurityStamp);
    }

    public Task<bool> IsTokenValidAsync(string securityStamp) =>
        Task.FromResult(Exists && State.IsActive && string.Equals(State.SecurityStamp, securityStamp, StringComparison.Ordinal));

    public async Task<UserView> UpdateAsync(Caller caller, UserUpdate update)
    {
        if (!caller.IsAdmin)
        {
            throw ProctorWiseException.Forbidden("Only administrators manage users.");
        }

        if (!Exists)
        {
            throw ProctorWiseException.NotFound("User");
        }

        var self = caller.UserId == this.GetPrimaryKeyString();
        if (self && (update.IsActive == false || (update.Role is { } r && r != UserRole.Admin)))
        {
            // An admin locking themselves out could leave the platform with no administrator.
            throw ProctorWiseException.Conflict("Administrators cannot deactivate or demote themselves.");
        }

        var now = clock.GetUtcNow();
        var changed = false;
        if (update.Role is { } role && role != State.Role)
        {
            _outbox.Add(StreamNamespaces.Users, Id, new UserRoleChanged(Guid.CreateVersion7(), now, Id, State.Role, role, caller.UserId));
            State.Role = role;
            changed = true;
        }

        if (update.IsActive is { } active && active != State.IsActive)
        {
            State.IsActive = active;
            _outbox.Add(StreamNamespaces.Users, Id, active
                ? new UserReactivated(Guid.CreateVersion7(), now, Id, State.Role, caller.UserId)
                : new UserDeactivated(Guid.CreateVersion7(), now, Id, State.Role, caller.UserId));
            changed = true;
        }

        if (changed)
        {
            // A token carries the role it was issued with: any change must invalidate it.
            await RevokeTokensAsync();
        }

        return View();
    }

    /// <summary>Saves a change that ends every token: a new stamp, the directory's copy, and every live hub connection dropped.</summary>
    private async Task RevokeTokensAsync()
    {
        State.SecurityStamp = NewStamp();
        await _outbox.CommitAsync();
        await GrainFactory.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default).UpsertAsync(View());

        // Live hub connections do not present their token again: tell every web host to drop this
        // user's connections now. A host that misses it still refuses their next call (stamp check).
        await new HubFanout(GrainFactory, clock).SendAsync(host => host.OnUserRevokedAsync(Id));
    }

    private UserView View() =>
        new(this.GetPrimaryKeyString(), State.Name, State.Email, State.Role, State.IsActive, State.CreatedAt, State.MustChangePassword);

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
