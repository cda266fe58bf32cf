namespace CommunityPartner.Web.Platform.Data;

/// <summary>A module's maintenance command (e.g. "points reconcile"), run by <see cref="AppCommands"/> instead of the web server.</summary>
public interface IAppCommand
{
    /// <summary>The words that name it on the command line, separated by one space.</summary>
    string Name { get; }

    /// <summary>Returns the process exit code: 0 when all is well.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}
