using PopCulture.Cms.Content;

namespace PopCulture.Cms.Manager;

/// <summary>An entry with what its page offers the signed-in user; see <see cref="EntryWork"/>.</summary>
public sealed record EntryWorkView(
    ContentEntry Entry,
    IReadOnlyList<string> Moves,
    IReadOnlyList<RevisionSummary> Revisions,
    bool CanRestore,
    bool CanPreview)
{
    public bool May(string move) => Moves.Contains(move, StringComparer.Ordinal);
}
