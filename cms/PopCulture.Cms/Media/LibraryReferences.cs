using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Media;

/// <summary>
/// Content uses a library item by its site path, <c>/media/&lt;id&gt;.&lt;ext&gt;</c> (what the manager inserts), in the body
/// or in front matter such as a cover. An image needs alt text in the library before content using it may go live.
/// </summary>
public static partial class LibraryReferences
{
    /// <summary>The site path a library item is published at.</summary>
    public static string SitePath(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Create(CultureInfo.InvariantCulture, $"/media/{item.Id:N}{Path.GetExtension(item.StoredName)}");
    }

    /// <summary>The library items a front matter (JSON) and body refer to.</summary>
    public static IReadOnlySet<Guid> IdsIn(string frontMatter, string body)
    {
        var ids = new HashSet<Guid>();
        foreach (var text in new[] { frontMatter, body })
        {
            foreach (Match match in Reference().Matches(text ?? ""))
            {
                ids.Add(Guid.ParseExact(match.Groups["id"].Value, "N"));
            }
        }

        return ids;
    }

    /// <summary>Why the content may not go live with its library references: an unknown item, or an image without alt text.</summary>
    public static async Task<string?> ProblemAsync(CmsDbContext db, string frontMatter, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = IdsIn(frontMatter, body);
        if (ids.Count == 0)
        {
            return null;
        }

        var items = await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var id in ids.Order())
        {
            if (!items.TryGetValue(id, out var item))
            {
                return $"/media/{id:N} is not in the media library (deleted?): remove it or choose another";
            }

            if (item.Kind == "image" && string.IsNullOrWhiteSpace(item.Alt))
            {
                return $"image {item.Title ?? item.OriginalName ?? id.ToString("N")} has no alt text in the media library: describe what it shows before publishing";
            }
        }

        return null;
    }

    /// <summary>
    /// Fills empty alt text of library images in Markdown with the library's alt text, so editors write it once.
    /// </summary>
    public static string WithLibraryAlt(string body, IReadOnlyDictionary<Guid, MediaItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return EmptyAltImage().Replace(body, match =>
            items.TryGetValue(Guid.ParseExact(match.Groups["id"].Value, "N"), out var item) && !string.IsNullOrWhiteSpace(item.Alt)
                ? $"![{Escape(item.Alt!)}]({match.Groups["path"].Value}"
                : match.Value);
    }

    private static string Escape(string alt) => alt.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    [GeneratedRegex(@"/media/(?<id>[0-9a-f]{32})\.(?:jpe?g|png|webp|gif|pdf|mp4)\b")]
    private static partial Regex Reference();

    [GeneratedRegex(@"!\[\s*\]\((?<path>\s*<?/media/(?<id>[0-9a-f]{32})\.(?:jpe?g|png|webp|gif))")]
    private static partial Regex EmptyAltImage();
}
