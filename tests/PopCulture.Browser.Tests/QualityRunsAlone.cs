namespace PopCulture.Browser.Tests;

/// <summary>
/// The quality checks' test collection: it runs after the assembly's other browser tests, never beside them, since
/// Lighthouse times page loads and a second Chromium busy on the same cores would be measured with them.
/// </summary>
[CollectionDefinition(nameof(QualityRunsAlone), DisableParallelization = true)]
public sealed class QualityRunsAlone;
