using Lucene.Net.Documents;
using Lucene.Net.Util;
using PopCulture.Cms.Content;

namespace PopCulture.Cms.Search;

/// <summary>Turns a <see cref="SearchSource"/> into a Lucene document: analysed text fields, exact facet fields with doc values.</summary>
internal static class SearchDocuments
{
    public static Document Build(SearchSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entry = source.Entry;
        var (headings, plain) = MarkdownText.Extract(entry.Body);
        var section = entry.Section.Length == 0 ? DeliveryApi.RootSection : entry.Section;
        var document = new Document
        {
            new StringField(SearchFields.Id, entry.Id.ToString("D"), Field.Store.YES),
            new StoredField(SearchFields.Slug, entry.Slug),
            new StoredField(SearchFields.Revision, entry.Revision),
            new TextField(SearchFields.Title, entry.Title, Field.Store.YES),
            new TextField(SearchFields.Headings, headings, Field.Store.NO),
            new TextField(SearchFields.Tags, TagText(source), Field.Store.NO),
            // The summary leads the body, so a snippet can come from it; the body is stored for highlighting.
            new TextField(SearchFields.Body, string.IsNullOrEmpty(entry.Summary) ? plain : entry.Summary + "\n" + plain, Field.Store.YES),
        };
        if (entry.Summary is { Length: > 0 } summary)
        {
            document.Add(new StoredField(SearchFields.Summary, summary));
        }

        if (entry.Date is { } date)
        {
            document.Add(new StoredField(SearchFields.Date, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Recency breaks ties between equally relevant pages; undated pages sort as oldest.
        document.Add(new NumericDocValuesField(SearchFields.Date, entry.Date?.DayNumber ?? 0));
        if (source.Status is { } status)
        {
            document.Add(new StringField(SearchFields.Status, ManageDocument.StatusName(status), Field.Store.YES));
            AddListFields(document, source, status);
        }

        AddFacet(document, "section", section);
        AddFacet(document, "type", entry.Type);
        AddFacet(document, "district", entry.District);
        AddFacet(document, "age_band", entry.AgeBand);
        AddFacet(document, "domain", entry.Domain);
        AddFacet(document, "audience", entry.Audience);
        AddFacet(document, "grade_band", entry.GradeBand);
        AddFacet(document, "kind", entry.Kind);
        AddFacet(document, "level", entry.Level);
        foreach (var tag in source.Tags.Distinct(StringComparer.Ordinal))
        {
            AddFacet(document, "tag", tag);
        }

        return document;
    }

    /// <summary>
    /// What the manager's content lists sort a working copy by (title, last change, workflow order, id for ties), and its
    /// slug lower-cased whole, so a search can find it by any part of its slug as the title-and-slug search did.
    /// </summary>
    private static void AddListFields(Document document, SearchSource source, Workflow.WorkflowStatus status)
    {
        var entry = source.Entry;
        document.Add(new SortedDocValuesField(SearchFields.SortTitle, new BytesRef(entry.Title)));
        document.Add(new NumericDocValuesField(SearchFields.SortUpdated, (source.UpdatedAt ?? DateTimeOffset.MinValue).UtcTicks));
        document.Add(new NumericDocValuesField(SearchFields.SortState, (long)status));
        document.Add(new SortedDocValuesField(SearchFields.SortId, new BytesRef(entry.Id.ToString("D"))));
        document.Add(new StringField(SearchFields.SlugText, entry.Slug.ToLowerInvariant(), Field.Store.NO));
    }

    /// <summary>Tags, categories and facet values (district, age band…), searchable as the site's index makes them.</summary>
    private static string TagText(SearchSource source)
    {
        var entry = source.Entry;
        var categories = entry.Terms.Where(t => t.Taxonomy == "categories").Select(t => t.Term);
        string?[] facets = [entry.District, entry.AgeBand, entry.Domain, entry.Audience, entry.GradeBand, entry.Kind, entry.Level];
        return string.Join('\n', source.Tags.Concat(categories).Concat(facets.OfType<string>()));
    }

    private static void AddFacet(Document document, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var field = SearchFields.Facet(name);
        document.Add(new StringField(field, value, Field.Store.YES));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
}
