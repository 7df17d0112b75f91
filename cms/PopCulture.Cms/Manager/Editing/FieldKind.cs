namespace PopCulture.Cms.Manager.Editing;

/// <summary>The control a front-matter field gets in the editing form.</summary>
public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    TextArea,

    /// <summary>The Markdown body.</summary>
    Markdown,

    /// <summary>One value of a fixed vocabulary, as a select.</summary>
    Select,

    /// <summary>A date (YYYY-MM-DD), as a date input.</summary>
    Date,

    /// <summary>A decimal number such as a latitude.</summary>
    Number,

    /// <summary>A whole number such as an order or a month.</summary>
    WholeNumber,

    /// <summary>A true/false flag, as a checkbox.</summary>
    Check,

    /// <summary>A list of short terms typed on one line, separated by commas (tags).</summary>
    Terms,

    /// <summary>A list of texts written one a line inside a repeated group (a quiz question's options).</summary>
    Lines,

    /// <summary>A repeatable list of texts, one row each (objectives, services).</summary>
    List,

    /// <summary>A repeatable group of fields, one row each (exhibits, quiz questions).</summary>
    Group,
}
