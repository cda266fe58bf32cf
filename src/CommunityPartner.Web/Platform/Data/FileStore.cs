namespace CommunityPartner.Web.Platform.Data;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Uploads live here, outside wwwroot; relative paths are under the content root.</summary>
    public string Root { get; set; } = "App_Data/uploads";
}

/// <summary>
/// Files that belong to records (photos). Never served directly: each module serves its files through a handler that
/// checks who may see them. With several instances, Root must be a shared volume.
/// </summary>
public sealed class FileStore
{
    private readonly string _root;

    public FileStore(Microsoft.Extensions.Options.IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var root = options.Value.Root;
        _root = Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));
    }

    public async Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var path = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), ct);
    }

    public Stream? OpenRead(string relativePath)
    {
        var path = Resolve(relativePath);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public bool Exists(string relativePath) => File.Exists(Resolve(relativePath));

    public void Delete(string relativePath)
    {
        var path = Resolve(relativePath);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Deletes the files directly in a folder last written before <paramref name="cutoffUtc"/>; how many it deleted.</summary>
    public int DeleteOlderThan(string relativeFolder, DateTime cutoffUtc)
    {
        var folder = Resolve(relativeFolder);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoffUtc)
            {
                try
                {
                    file.Delete();
                    deleted++;
                }
                catch (IOException)
                {
                    // Being written or read right now: the next sweep takes it.
                }
            }
        }

        return deleted;
    }

    /// <summary>Refuses any path that would leave the root.</summary>
    private string Resolve(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Path escapes the storage root.");
        }

        return path;
    }
}
