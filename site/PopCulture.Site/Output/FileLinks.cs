using System.ComponentModel;
using System.Runtime.InteropServices;

namespace PopCulture.Site.Output;

/// <summary>Hard links and atomic renames, which .NET's file APIs do not offer for links to folders.</summary>
internal static partial class FileLinks
{
    /// <summary>Makes <paramref name="created"/> another name of <paramref name="existing"/>; copies where links are not possible.</summary>
    public static void LinkOrCopy(string existing, string created)
    {
        if (OperatingSystem.IsWindows() || Link(existing, created) != 0)
        {
            // Another file system, or one without hard links: a copy costs space, not correctness.
            File.Copy(existing, created, overwrite: false);
        }
    }

    /// <summary>Points the symbolic link <paramref name="link"/> at <paramref name="target"/> in one atomic step.</summary>
    public static void Repoint(string link, string target)
    {
        var temporary = $"{link}.{Guid.NewGuid():N}.link";
        Directory.CreateSymbolicLink(temporary, target);
        if (OperatingSystem.IsWindows())
        {
            // No atomic replace of a link there: a moment without the folder is the best Windows offers.
            Directory.Delete(link);
            Directory.Move(temporary, link);
            return;
        }

        if (Rename(temporary, link) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            Directory.Delete(temporary);
            throw new IOException($"could not switch {link} to {target}: {new Win32Exception(error).Message}");
        }
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string from, string to);
}
