using System.Text;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Tests;

public class MediaSnifferTests
{
    [Theory]
    [InlineData("1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj", true)]
    [InlineData("2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj", true)]
    [InlineData("3 0 obj << /Type /Action /S /Launch >> endobj", true)]
    [InlineData("4 0 obj << /JSON 1 /Launcher 2 >> endobj", false)]
    [InlineData("5 0 obj << /Length 12 >> stream\n/JS /Launch x\nendstream endobj", false)]
    [InlineData("6 0 obj << /Length 3 >> stream\nabc\nendstream endobj 7 0 obj << /JS (x) >> endobj", true)]
    public void Pdf_active_content_is_found_outside_binary_streams_only(string body, bool active)
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + body + "\n%%EOF\n");

        Assert.Equal(active, MediaSniffer.PdfHasActiveContent(pdf));
    }

    [Theory]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0x3E }, "SVG")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "not a JPEG")]
    [InlineData(new byte[] { }, "empty")]
    public void Unknown_and_dangerous_types_are_named(byte[] head, string reason)
    {
        var (type, problem) = MediaSniffer.Identify(head);

        Assert.Null(type);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd.JPG", ".jpg")]
    [InlineData("a\\b\\c.png", ".png")]
    [InlineData("noextension", null)]
    public void Only_the_last_segment_of_a_client_name_is_read(string name, string? extension) =>
        Assert.Equal(extension, MediaSniffer.ExtensionOf(name));
}
