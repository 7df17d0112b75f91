using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using PopCulture.Site.Content;

namespace PopCulture.Site.Tests;

/// <summary>
/// <see cref="ContentZip"/> on its own: what it refuses before writing anything, what it stops while writing, and that a
/// good archive comes out byte for byte. The CMS import and the CLI export test the same rules end to end.
/// </summary>
public sealed class ContentZipTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "popculture-contentzip-tests", Guid.NewGuid().ToString("N"));

    /// <summary>xunit 2 gives tests no token of their own; extraction is not expected to be cancelled here.</summary>
    private static readonly CancellationToken Token = CancellationToken.None;

    private string Folder => Path.Combine(_root, "content");

    [Fact]
    public async Task A_good_archive_is_unpacked_byte_for_byte_with_its_folders()
    {
        var picture = new byte[200_000];
        new Random(7).NextBytes(picture);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["_index.md"] = Encoding.UTF8.GetBytes("---\ntitle: 首页\n---\n"),
            ["news/一/index.md"] = Encoding.UTF8.GetBytes("---\ntitle: 一\n---\n正文\r\n"),
            ["news/一/pic.png"] = picture,
            ["_data/site.yaml"] = Encoding.UTF8.GetBytes("title: 站\n"),
            ["empty.txt"] = [],
        };
        using var zip = Archive(archive =>
        {
            archive.CreateEntry("news/");
            archive.CreateEntry("news/一/");
            foreach (var (name, data) in files)
            {
                Add(archive, name, data, name.EndsWith(".png", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            }
        });

        var result = await ContentZip.ExtractAsync(zip, Folder, Token);

        Assert.Empty(result.Problems);
        Assert.Equal(files.Count, result.Files);
        Assert.Equal(files.Values.Sum(data => (long)data.Length), result.Bytes);
        var written = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), written);
        foreach (var (name, data) in files)
        {
            Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(Folder, name), Token));
        }
    }

    [Theory]
    [InlineData("../evil.md", "names must not contain '..', '.' or empty folder names")]
    [InlineData("news/../../evil.md", "names must not contain '..', '.' or empty folder names")]
    [InlineData("news/./evil.md", "names must not contain '..', '.' or empty folder names")]
    [InlineData("news//evil.md", "names must not contain '..', '.' or empty folder names")]
    [InlineData("/etc/evil.md", "names must be relative paths, without a leading '/' or a drive letter")]
    [InlineData("C:/evil.md", "names must be relative paths, without a leading '/' or a drive letter")]
    [InlineData("news\\..\\..\\evil.md", "names must use '/' between folders, not '\\'")]
    [InlineData("news/evil\u0007.md", "names must not contain control characters")]
    public async Task Names_that_could_leave_the_folder_are_refused_before_anything_is_written(string name, string problem)
    {
        using var zip = Archive(archive =>
        {
            Add(archive, "news/fine.md", "---\ntitle: 好\n---\n");
            Add(archive, name, "gotcha");
        });

        var result = await ContentZip.ExtractAsync(zip, Folder, Token);

        Assert.Equal([$"{name}: {problem}"], result.Problems);
        Assert.Equal((0, 0L), (result.Files, result.Bytes));
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public async Task Names_that_differ_only_in_case_are_refused()
    {
        using var zip = Archive(archive =>
        {
            Add(archive, "News/a.md", "一");
            Add(archive, "news/A.md", "二");
        });

        var result = await ContentZip.ExtractAsync(zip, Folder, Token);

        Assert.Equal(["news/A.md: the name appears twice (letter case aside)"], result.Problems);
        Assert.False(Directory.Exists(Folder));
    }

    [Theory]
    [InlineData(0xA1FF0000u, "symbolic links are not allowed")] // S_IFLNK, mode 0777
    [InlineData(0x11A40000u, "only files and folders are allowed")] // S_IFIFO, mode 0644
    [InlineData(0x21A40000u, "only files and folders are allowed")] // S_IFCHR, mode 0644
    public async Task Links_and_other_special_entries_are_refused(uint attributes, string problem)
    {
        using var zip = Archive(archive =>
        {
            var entry = archive.CreateEntry("news/link.md");
            entry.ExternalAttributes = unchecked((int)attributes);
            using var writer = new StreamWriter(entry.Open());
            writer.Write("/etc/passwd");
        });

        var result = await ContentZip.ExtractAsync(zip, Folder, Token);

        Assert.Equal([$"news/link.md: {problem}"], result.Problems);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task A_bomb_is_refused_but_a_small_file_of_repeated_bytes_is_not()
    {
        using var bomb = Archive(archive => Add(archive, "news/zeros.bin", new byte[8 * 1024 * 1024]));
        using var small = Archive(archive => Add(archive, "news/zeros.bin", new byte[ContentZip.RatioCheckedFromBytes]));

        var refused = await ContentZip.ExtractAsync(bomb, Path.Combine(_root, "bomb"), Token);
        var taken = await ContentZip.ExtractAsync(small, Path.Combine(_root, "small"), Token);

        Assert.Equal(["news/zeros.bin: unpacks to more than 100 times its compressed size"], refused.Problems);
        Assert.False(Directory.Exists(Path.Combine(_root, "bomb")));
        Assert.Empty(taken.Problems);
        Assert.Equal(ContentZip.RatioCheckedFromBytes, taken.Bytes);
    }

    [Fact]
    public async Task Too_many_entries_too_many_bytes_and_too_big_a_text_file_are_refused()
    {
        var limits = new ContentZip.Limits(Entries: 3, TotalBytes: 1000, TextFileBytes: 100);
        using var many = Archive(archive =>
        {
            for (var i = 0; i < 4; i++)
            {
                Add(archive, $"news/{i}.md", "一");
            }
        });
        using var big = Archive(archive =>
        {
            Add(archive, "news/a.svg", new string('x', 600));
            Add(archive, "news/b.svg", new string('y', 600));
        });
        using var text = Archive(archive =>
        {
            Add(archive, "news/long.md", new string('z', 101));
            Add(archive, "news/long.svg", new string('z', 101));
        });

        var tooMany = await ContentZip.ExtractAsync(many, Folder, limits, Token);
        var tooBig = await ContentZip.ExtractAsync(big, Folder, limits, Token);
        var tooLong = await ContentZip.ExtractAsync(text, Folder, limits, Token);

        Assert.Equal(["the archive has 4 entries; at most 3 are allowed"], tooMany.Problems);
        Assert.Equal(["the archive unpacks to 1200 bytes; at most 1000 bytes are allowed"], tooBig.Problems);
        Assert.Equal(["news/long.md: content and data files may be at most 100 bytes"], tooLong.Problems);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task An_entry_holding_more_than_its_header_declares_is_stopped_at_the_declared_size()
    {
        using var zip = Archive(archive => Add(archive, "news/liar.svg", new string('x', 1000), CompressionLevel.NoCompression));
        DeclareSize(zip, 10);

        var result = await ContentZip.ExtractAsync(zip, Folder, Token);

        Assert.Equal(["news/liar.svg: holds more data than its header declares, or the archive is larger than 256 MB unpacked"], result.Problems);
        var written = Path.Combine(Folder, "news", "liar.svg");
        Assert.True(!File.Exists(written) || new FileInfo(written).Length <= 10);
    }

    [Fact]
    public async Task A_file_and_a_folder_of_the_same_name_and_a_non_zip_are_problems_not_exceptions()
    {
        using var clash = Archive(archive =>
        {
            Add(archive, "news", "a file");
            Add(archive, "news/a.md", "一");
        });
        using var notZip = new MemoryStream(Encoding.UTF8.GetBytes("not a zip"));

        var clashed = await ContentZip.ExtractAsync(clash, Folder, Token);
        var refused = await ContentZip.ExtractAsync(notZip, Path.Combine(_root, "other"), Token);

        Assert.Equal(["news/a.md: could not be unpacked (a file and a folder of the same name?)"], clashed.Problems);
        Assert.Equal(["not a zip archive"], refused.Problems);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A seekable zip built by <paramref name="fill"/>, positioned at its start.</summary>
    private static MemoryStream Archive(Action<ZipArchive> fill)
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(archive);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static void Add(ZipArchive archive, string name, string text, CompressionLevel level = CompressionLevel.SmallestSize) =>
        Add(archive, name, Encoding.UTF8.GetBytes(text), level);

    private static void Add(ZipArchive archive, string name, byte[] data, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        using var stream = archive.CreateEntry(name, level).Open();
        stream.Write(data);
    }

    /// <summary>Rewrites the single entry's uncompressed size in both its local header and the central directory.</summary>
    private static void DeclareSize(MemoryStream zip, uint size)
    {
        var bytes = zip.GetBuffer().AsSpan(0, (int)zip.Length);
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            switch (BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]))
            {
                case 0x04034b50: // local file header: uncompressed size at 22
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i + 22)..], size);
                    break;
                case 0x02014b50: // central directory header: uncompressed size at 24
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i + 24)..], size);
                    break;
            }
        }

        zip.Position = 0;
    }
}
