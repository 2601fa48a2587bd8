namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>Keys of grains that exist once per cluster.</summary>
public static class SingletonKeys
{
    /// <summary>The key of every singleton grain (directory, catalogue, setup).</summary>
    public const string Default = "default";
}
