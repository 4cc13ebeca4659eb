using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>What every store writes into a station's password column: the hashed form only (the registry hashes before it stores).</summary>
public static class StationPasswords
{
    /// <summary>The stored text of <paramref name="station"/>'s password.</summary>
    /// <exception cref="ArgumentException">The password is plain: a caller skipped the registry, which would store a password in clear.</exception>
    public static string ToColumn(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return station.Password.IsHashed
            ? station.Password.Text
            : throw new ArgumentException($"Station {station.Id}'s password is not hashed; stations are stored through the StationRegistry, which hashes it.", nameof(station));
    }
}
