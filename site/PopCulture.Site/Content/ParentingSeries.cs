namespace PopCulture.Site.Content;

/// <summary>
/// A series of parenting lessons (the 育乐园 TV classroom): <see cref="Name"/> is what front matter writes
/// (<c>series: 育乐园</c>), <see cref="Slug"/> names its page (<c>/parenting/series/yuleyuan/</c>).
/// </summary>
public sealed record ParentingSeries(string Name, string Slug, string Title, string Summary);
