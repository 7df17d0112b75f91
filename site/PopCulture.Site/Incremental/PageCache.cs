using System.Collections.Concurrent;
using PopCulture.Site.Model;
using PopCulture.Site.Output;

namespace PopCulture.Site.Incremental;

/// <summary>
/// Decides, page by page, whether the last build's output can stand: same site key, every fact the page read unchanged,
/// every site path it links to still published (and, for images and files, still the same file). Then assembles the
/// manifest of this build from what was rendered and what was reused.
/// </summary>
public sealed class PageCache
{
    private readonly BuildManifest? _previous;
    private readonly FactIndex _facts;
    private readonly bool[] _factSame;
    private readonly bool[] _linkValid;
    private readonly ConcurrentDictionary<string, (IReadOnlyCollection<string> Facts, IReadOnlyCollection<string> Links)> _rendered = new(StringComparer.Ordinal);

    /// <summary>Compares the live build's manifest (null: render everything) with this build's facts and files.</summary>
    public PageCache(BuildManifest? previous, UInt128 siteKey, FactIndex facts, LinkChecker checker, IReadOnlyDictionary<string, UInt128> copied)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(copied);
        _facts = facts;
        _previous = previous;
        var reusable = previous is not null && previous.SiteKey == siteKey;
        _factSame = new bool[reusable ? previous!.FactNames.Count : 0];
        _linkValid = new bool[reusable ? previous!.Links.Count : 0];
        if (!reusable)
        {
            return;
        }

        Parallel.For(0, _factSame.Length, i => _factSame[i] = FactIndex.Same(previous!.FactValues[i], facts.ValueOf(previous.FactNames[i])));
        for (var i = 0; i < _linkValid.Length; i++)
        {
            var target = previous!.Links[i];
            _linkValid[i] = checker.Exists(target)
                && (!copied.TryGetValue(target, out var now) || previous.Files.GetValueOrDefault(target) == now);
        }

        Reusable = true;
    }

    /// <summary>Whether any page may be reused at all (false after a theme or settings change, or without a manifest).</summary>
    public bool Reusable { get; }

    /// <summary>The hash of what the live site has at <paramref name="sitePath"/>; zero if it has nothing there.</summary>
    public UInt128 PreviousFile(string sitePath) => _previous?.Files.GetValueOrDefault(sitePath) ?? UInt128.Zero;

    public bool CanReuse(OutputPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Reusable
            && _previous!.Pages.TryGetValue(page.Url, out var record)
            && _previous.Files.ContainsKey(page.Url)
            && Array.TrueForAll(record.Facts, f => _factSame[f])
            && Array.TrueForAll(record.Links, l => _linkValid[l]);
    }

    /// <summary>Records what a page read and links to, as it was rendered in this build.</summary>
    public void Rendered(string url, PageDependencies dependencies, IReadOnlyCollection<string> links)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        _rendered[url] = (dependencies.Facts, links);
    }

    /// <summary>The manifest of this build: rendered pages with what they recorded, reused pages with what they had.</summary>
    public BuildManifest Next(ulong buildId, UInt128 siteKey, IReadOnlyDictionary<string, UInt128> files, IEnumerable<OutputPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var factIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var factNames = new List<string>();
        var linkIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var links = new List<string>();
        var records = new Dictionary<string, PageRecord>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            IEnumerable<string> pageFacts;
            IEnumerable<string> pageLinks;
            if (_rendered.TryGetValue(page.Url, out var rendered))
            {
                (pageFacts, pageLinks) = rendered;
            }
            else if (_previous is not null && _previous.Pages.TryGetValue(page.Url, out var record))
            {
                pageFacts = record.Facts.Select(f => _previous.FactNames[f]);
                pageLinks = record.Links.Select(l => _previous.Links[l]);
            }
            else
            {
                continue; // not written (a layout was missing): nothing to reuse next time
            }

            records[page.Url] = new PageRecord(Intern(pageFacts, factIds, factNames), Intern(pageLinks, linkIds, links));
        }

        return new BuildManifest
        {
            BuildId = buildId,
            SiteKey = siteKey,
            Files = files,
            FactNames = factNames,
            FactValues = [.. factNames.Select(_facts.ValueOf)],
            Links = links,
            Pages = records,
        };
    }

    private static int[] Intern(IEnumerable<string> values, Dictionary<string, int> ids, List<string> table)
    {
        var result = new List<int>();
        foreach (var value in values)
        {
            if (!ids.TryGetValue(value, out var id))
            {
                id = table.Count;
                ids[value] = id;
                table.Add(value);
            }

            result.Add(id);
        }

        return [.. result];
    }
}
