using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using PopCulture.Site.Content;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;

namespace PopCulture.Site.Templates;

/// <summary>
/// A theme's Liquid layouts, parsed once per build and shared by every parallel render, with the member access
/// (snake_case) and filters the templates use.
/// </summary>
public sealed class ThemeTemplates
{
    /// <summary>Sandbox limits: a runaway loop in a theme fails its page instead of hanging the build.</summary>
    private const int MaxSteps = 2_000_000;
    private const int MaxRecursion = 32;

    // Chinese text stays as text: the default encoder would turn every character into an entity.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, IFluidTemplate> _layouts;
    private readonly TemplateOptions _options;

    private ThemeTemplates(Dictionary<string, IFluidTemplate> layouts, TemplateOptions options)
    {
        _layouts = layouts;
        _options = options;
    }

    /// <summary>Parses every layout and partial of the theme; syntax errors are reported with the file and line.</summary>
    public static ThemeTemplates Load(string themeDirectory, string displayPath, SiteUrls urls, IReadOnlyDictionary<string, string> assets, DiagnosticBag diagnostics)
    {
        var parser = new FluidParser(new FluidParserOptions { AllowFunctions = false });
        var layouts = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var layoutFolder = Path.Combine(themeDirectory, "layouts");
        if (!Directory.Exists(layoutFolder))
        {
            diagnostics.Error($"{displayPath}/layouts", 0, "the theme has no layouts folder");
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(layoutFolder, "*.liquid").Order(StringComparer.Ordinal))
            {
                var display = $"{displayPath}/layouts/{Path.GetFileName(file)}";
                if (Parse(parser, display, File.ReadAllText(file), diagnostics) is { } template)
                {
                    layouts[Path.GetFileNameWithoutExtension(file)] = template;
                }
            }
        }

        var partials = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var partialFolder = Path.Combine(themeDirectory, "partials");
        if (Directory.Exists(partialFolder))
        {
            foreach (var file in Directory.EnumerateFiles(partialFolder, "*.liquid").Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                // Parse now so a broken partial is reported once, with its name, not on every page that uses it.
                Parse(parser, $"{displayPath}/partials/{Path.GetFileName(file)}", System.Text.Encoding.UTF8.GetString(bytes), diagnostics);
                partials[Path.GetFileName(file)] = bytes;
            }
        }

        var options = new TemplateOptions
        {
            FileProvider = new InMemoryFileProvider(partials),
            MaxSteps = MaxSteps,
            MaxRecursion = MaxRecursion,
            CultureInfo = System.Globalization.CultureInfo.GetCultureInfo("zh-CN"),
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        RegisterModelTypes(options.MemberAccessStrategy);
        options.Filters.WithPopCultureFilters(urls, assets);
        return new ThemeTemplates(layouts, options);
    }

    public bool Has(string name) => _layouts.ContainsKey(name);

    /// <summary>The first of <paramref name="names"/> the theme has, cached per combination.</summary>
    public string? Find(params string[] names)
    {
        foreach (var name in names)
        {
            if (_layouts.ContainsKey(name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Renders layout <paramref name="name"/> and wraps it in <c>base</c>, unless it wrote a whole document.</summary>
    public async ValueTask<string> RenderPageAsync(string name, SiteView site, PageView page)
    {
        var context = new TemplateContext(_options);
        context.SetValue("site", site);
        context.SetValue("page", page);
        var inner = await _layouts[name].RenderAsync(context, Encoder).ConfigureAwait(false);
        if (!_layouts.TryGetValue("base", out var frame) || inner.TrimStart().StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase))
        {
            return inner;
        }

        context.SetValue("content", inner);
        return await frame.RenderAsync(context, Encoder).ConfigureAwait(false);
    }

    private static IFluidTemplate? Parse(FluidParser parser, string display, string source, DiagnosticBag diagnostics)
    {
        if (parser.TryParse(source, out var template, out var error))
        {
            return template;
        }

        var line = LineOf(error);
        diagnostics.Error(display, line, $"template error: {error}");
        return null;
    }

    private static int LineOf(string error)
    {
        // Fluid reports "… at (line:col)"; take the line when present.
        var open = error.LastIndexOf('(');
        var colon = open >= 0 ? error.IndexOf(':', open) : -1;
        return open >= 0 && colon > open && int.TryParse(error.AsSpan(open + 1, colon - open - 1), out var line) ? line : 0;
    }

    private static void RegisterModelTypes(MemberAccessStrategy strategy)
    {
        // Templates probe members a type lacks ({% if item.fields.age_band %} on a park). Fluid caches only members it
        // finds, so every miss reflects over the type again; a catch-all accessor answering nil makes misses cached too.
        foreach (var type in ModelTypes)
        {
            strategy.Register(type);
            strategy.Register(type, NilAccessor.Instance);
        }
    }

    private static readonly Type[] ModelTypes =
    [
        typeof(SiteView), typeof(PageView), typeof(ItemView), typeof(SectionView), typeof(LinkView), typeof(MediaView),
        typeof(PagerView), typeof(TocView), typeof(HandoutView), typeof(ParkFields), typeof(HallFields),
        typeof(ProgramSiteFields), typeof(ParentingLessonFields), typeof(CourseFields), typeof(LessonFields),
        typeof(Coordinates), typeof(Exhibit), typeof(MonthRange), typeof(Handout), typeof(QuizQuestion),
        typeof(OpeningHours), typeof(ParkDirectoryView), typeof(ParkGroupView), typeof(NearbyView),
        typeof(SeriesView), typeof(GridView), typeof(GridRowView), typeof(GridCellView),
    ];

    private sealed class NilAccessor : IMemberAccessor
    {
        public static readonly NilAccessor Instance = new();

        public object? Get(object obj, string name, TemplateContext ctx) => null;
    }
}
