using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>One positive and one negative case per syntax code; '[' and ']' mark the exact expected span.</summary>
public class SyntaxDiagnosticTests
{
    private const string Open = "<configuration><MBProperty>";
    private const string Close = "</MBProperty></configuration>";

    private static MetabaseDiagnostic AssertOnly(string code, string marked)
    {
        var (text, start, length) = Fixture.ParseSpan(marked);
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        var diagnostic = Assert.Single(tree.Diagnostics, d => d.Code == code);
        Assert.Equal((start, length), (diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Contains(text.Substring(start, Math.Min(length, 20)), diagnostic.Message);
        return diagnostic;
    }

    private static void AssertNone(string code, string text)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void MalformedMarkup_LessThanThenSpace_Reported()
    {
        AssertOnly(DiagnosticCodes.MalformedMarkup, Open + "[<] IIsSmtpServer Location=\"/x\">" + Close);
    }

    [Fact]
    public void MalformedMarkup_AttributeWithoutValue_ReportedOnName()
    {
        var diagnostic = AssertOnly(DiagnosticCodes.MalformedMarkup, Open + "<Key Location=\"/x\" [AuthFlags]/>" + Close);
        Assert.Contains("expected AuthFlags=\"...\"", diagnostic.Message);
    }

    [Fact]
    public void MalformedMarkup_UnquotedValue_ReportedOnValue()
    {
        AssertOnly(DiagnosticCodes.MalformedMarkup, Open + "<Key Location=[/x]/>" + Close);
    }

    [Fact]
    public void MalformedMarkup_JunkInTag_ReportedOnJunk()
    {
        AssertOnly(DiagnosticCodes.MalformedMarkup, Open + "<Key Location=\"/x\" [\"orphan\"]/>" + Close);
    }

    [Fact]
    public void MalformedMarkup_WellFormedTag_NotReported()
    {
        AssertNone(DiagnosticCodes.MalformedMarkup, Open + "<Key Location=\"/x\" A='1' />" + Close);
    }

    // What a strict XML reader (IIS's) refuses and a forgiving one would pass: each reported where it is.

    [Fact]
    public void MalformedMarkup_LessThanInAValue_ReportedWithItsFix()
    {
        var diagnostic = AssertOnly(DiagnosticCodes.MalformedMarkup, Open + "<Key Location=\"/x\" ServerComment=\"a[<]b &lt; c\"/>" + Close);
        Assert.Equal("&lt;", diagnostic.FixData);
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("\u001B\u001B")]
    [InlineData("\u0000")]
    public void MalformedMarkup_ControlCharactersInAValue_ReportedAsOneRun(string controls)
    {
        var text = Open + $"<Key Location=\"/x\" ServerComment='a{controls}b\tc'/>" + Close;
        var diagnostic = Assert.Single(SyntaxTree.Parse(text).Diagnostics);
        Assert.Equal((DiagnosticCodes.MalformedMarkup, text.IndexOf(controls, StringComparison.Ordinal), controls.Length),
            (diagnostic.Code, diagnostic.Span.Start, diagnostic.Span.Length));
        // Named, not written: the message must stay printable.
        Assert.Contains($"U+{(int)controls[0]:X4}", diagnostic.Message);
    }

    /// <summary>
    /// A quote typed into a file on one line leaves a value that runs on over every tag after it: its one report,
    /// not one more for each '&lt;' it swallowed (200,000 on a large file).
    /// </summary>
    [Fact]
    public void MalformedMarkup_ValueNeverClosed_NoReportForTheTagsItRunsOver()
    {
        var text = Open + "<Key Location=\"/x\" ServerComment='oops/><Key Location=\"/y\"/><Key Location=\"/z\"/>" + Close;
        var tree = SyntaxTree.Parse(text);
        Assert.DoesNotContain(tree.Diagnostics, d => d.Message.Contains("is not allowed in a value", StringComparison.Ordinal));
        Assert.Contains(tree.Diagnostics, d => d.Code == DiagnosticCodes.UnterminatedValue);
    }

    [Fact]
    public void MalformedMarkup_AttributeRightAfterAValue_ReportedOnItsNameWithItsFix()
    {
        var diagnostic = AssertOnly(DiagnosticCodes.MalformedMarkup, Open + "<Key Location=\"/x\"[AuthFlags]=\"AuthBasic\"/>" + Close);
        Assert.Equal(" AuthFlags", diagnostic.FixData);
    }

    [Theory]
    [InlineData("<!-- a [--] b -->")]
    [InlineData("<!-- ends with a dash [-]-->")]
    public void MalformedMarkup_DashesInAComment_Reported(string comment)
    {
        AssertOnly(DiagnosticCodes.MalformedMarkup, Open + comment + "<Key Location=\"/x\"/>" + Close);
    }

    [Fact]
    public void MalformedMarkup_ValuesAndCommentsXmlAllows_NotReported()
    {
        AssertNone(DiagnosticCodes.MalformedMarkup, Open + "<!-- a - b -->\r\n<!---->\r\n<Key Location=\"/x\" A=\"a > b &amp; &#60;\tc\r\n\t\t\td\" B='\"'/>" + Close);
    }

    [Fact]
    public void UnterminatedValue_NextLineIsAttribute_ReportsOpeningQuoteAndRecovers()
    {
        var (text, start, _) = Fixture.ParseSpan(
            Open + "<Key\tLocation =[\"]/LM/x\n\t\tAuthFlags=\"AuthBasic\"\n\t>\n</Key>" + Close);
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnterminatedValue, diagnostic.Code);
        Assert.Equal((start, 1), (diagnostic.Span.Start, diagnostic.Span.Length));
        var key = tree.Root!.Children[0].Children[0];
        Assert.Equal("/LM/x", key.GetAttribute("Location")!.RawValue);
        Assert.False(key.GetAttribute("Location")!.IsValueTerminated);
        Assert.Equal("AuthBasic", key.GetAttribute("AuthFlags")!.Value);
        Assert.True(key.IsStartTagClosed);
    }

    [Fact]
    public void UnterminatedValue_NextLineIsTagClose_EndsAtLineBreak()
    {
        var tree = SyntaxTree.Parse(Open + "<Key Location=\"/LM/x\n\t>\n</Key>" + Close);
        Assert.Equal([DiagnosticCodes.UnterminatedValue], tree.Diagnostics.Select(d => d.Code));
        Assert.Equal("/LM/x", tree.Root!.Children[0].Children[0].GetAttribute("Location")!.RawValue);
    }

    [Fact]
    public void UnterminatedValue_AtEndOfFile_EndsAtEndOfFirstLine()
    {
        var (text, offset) = Fixture.Parse("<Key Location=\"/LM/x|\nmore\nlines");
        var tree = SyntaxTree.Parse(text);
        var location = tree.Root!.GetAttribute("Location")!;
        Assert.Equal(offset, location.ValueSpan.End);
        Assert.Contains(tree.Diagnostics, d => d.Code == DiagnosticCodes.UnterminatedValue);
    }

    [Fact]
    public void UnterminatedValue_MultiszContinuationLines_NotReported()
    {
        var text = Open + "<Key Location=\"/x\"\n\t\tServerBindings=\":25:\n\t\t\t10.0.0.1:25:\n\t\t\thost=mail:25:\"\n\t>\n</Key>" + Close;
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(":25:\n\t\t\t10.0.0.1:25:\n\t\t\thost=mail:25:",
            tree.Root!.Children[0].Children[0].GetAttribute("ServerBindings")!.RawValue);
    }

    [Fact]
    public void UnterminatedTag_StartTagRunsIntoNextTag_ReportsNameAndKeepsSibling()
    {
        var (text, start, length) = Fixture.ParseSpan(Open + "[<KeyA] Location=\"/a\"\n<KeyB Location=\"/b\"/>" + Close);
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnterminatedTag, diagnostic.Code);
        Assert.Equal((start, length), (diagnostic.Span.Start, diagnostic.Span.Length));
        var keys = tree.Root!.Children[0].Children;
        Assert.Equal(["KeyA", "KeyB"], keys.Select(k => k.Name));
        Assert.False(keys[0].IsStartTagClosed);
        Assert.Empty(keys[0].Children);
    }

    [Fact]
    public void UnterminatedTag_FollowedByOwnEndTag_OnlyOneDiagnosticAndEndTagAttached()
    {
        var text = Open + "<Key Location=\"/a\"\n</Key>\n<Next/>" + Close;
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        Assert.Equal([DiagnosticCodes.UnterminatedTag], tree.Diagnostics.Select(d => d.Code));
        var keys = tree.Root!.Children[0].Children;
        Assert.Equal(["Key", "Next"], keys.Select(k => k.Name));
        Assert.NotNull(keys[0].EndTagSpan);
        Assert.False(keys[0].IsStartTagClosed);
    }

    [Fact]
    public void UnterminatedTag_CommentNeverClosed_Reported()
    {
        AssertOnly(DiagnosticCodes.UnterminatedTag, "<configuration><MBProperty/>[<!--] never closed </configuration>");
    }

    [Fact]
    public void UnterminatedTag_EndTagWithoutGreaterThan_Reported()
    {
        AssertOnly(DiagnosticCodes.UnterminatedTag, "<configuration><MBProperty>[</MBProperty]\n</configuration>");
    }

    [Fact]
    public void UnterminatedTag_ClosedTags_NotReported()
    {
        AssertNone(DiagnosticCodes.UnterminatedTag, "<?xml version =\"1.0\"?><!-- c --><configuration><MBProperty></MBProperty ></configuration>");
    }

    [Fact]
    public void MissingEndTag_ClosedByParentEndTag_ReportsNameAndEndsThere()
    {
        var (text, start, length) = Fixture.ParseSpan(Open + "<[Key] Location=\"/x\">" + Close);
        var tree = SyntaxTree.Parse(text);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticCodes.MissingEndTag, diagnostic.Code);
        Assert.Equal((start, length), (diagnostic.Span.Start, diagnostic.Span.Length));
        var key = tree.Root!.Children[0].Children[0];
        Assert.Equal(text.IndexOf("</MBProperty>", StringComparison.Ordinal), key.Span.End);
        Assert.Null(key.EndTagSpan);
        Assert.NotNull(tree.Root.Children[0].EndTagSpan);
    }

    [Fact]
    public void MissingEndTag_KeyFollowedByKey_EndsBeforeTheNextKey()
    {
        // A key being typed has its start tag closed before its end tag exists: the keys after it stay keys.
        var (text, start, length) = Fixture.ParseSpan(
            Open + "\r\n<[IIsWebVirtualDir] Location=\"/LM/W3SVC/1/ROOT/new\">\r\n<IIsWebVirtualDir Location=\"/LM/W3SVC/1/ROOT/old\"></IIsWebVirtualDir>\r\n" + Close);
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticCodes.MissingEndTag, diagnostic.Code);
        Assert.Equal((start, length), (diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Contains("expected '</IIsWebVirtualDir>' at the end of the key", diagnostic.Message);
        var keys = tree.Root!.Children[0].Children;
        Assert.Equal(2, keys.Count);
        Assert.Equal(text.LastIndexOf("<IIsWebVirtualDir", StringComparison.Ordinal), keys[0].Span.End);
        Assert.Null(keys[0].EndTagSpan);
        Assert.Empty(keys[0].Children);
        Assert.NotNull(keys[1].EndTagSpan);
    }

    [Fact]
    public void MissingEndTag_KeyNestedInAKey_BothErrorsSayKeysNeverNest()
    {
        // Writing a domain inside its server, as XML elsewhere would nest it: the server ends at the domain's start
        // tag, and the server's end tag after the domain closes nothing.
        var text = Open + "<IIsSmtpServer Location=\"/LM/SmtpSvc/1\">\r\n\t<IIsSmtpDomain Location=\"/LM/SmtpSvc/1/Domain/x\">\r\n\t</IIsSmtpDomain>\r\n</IIsSmtpServer>\r\n" + Close;
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        Assert.Equal([DiagnosticCodes.MissingEndTag, DiagnosticCodes.StrayEndTag], tree.Diagnostics.Select(d => d.Code));
        Assert.All(tree.Diagnostics, d => Assert.Contains("keys never nest", d.Message));
        Assert.Equal(["IIsSmtpServer", "IIsSmtpDomain"], tree.Root!.Children[0].Children.Select(k => k.Name));
    }

    [Fact]
    public void MissingEndTag_OpenCustomInKeyFollowedByKey_EndsBothBeforeTheNextKey()
    {
        var text = Open + "<A Location=\"/a\"><Custom Name=\"c\" ID=\"1\"><B Location=\"/b\"/>" + Close;
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        // A Custom belongs inside its key: only the key's message speaks of keys not nesting.
        Assert.Equal([true, false], tree.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingEndTag).Select(d => d.Message.Contains("keys never nest", StringComparison.Ordinal)));
        Assert.Equal(["A", "Custom"], tree.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingEndTag)
            .Select(d => text.Substring(d.Span.Start, d.Span.Length)));
        var keys = tree.Root!.Children[0].Children;
        Assert.Equal(["A", "B"], keys.Select(k => k.Name));
        Assert.Equal("Custom", Assert.Single(keys[0].Children).Name);
        Assert.Equal(text.IndexOf("<B", StringComparison.Ordinal), keys[0].Children[0].Span.End);
    }

    [Fact]
    public void MissingEndTag_CustomAfterAnOpenKey_StaysInTheKey()
    {
        var tree = SyntaxTree.Parse(Open + "<A Location=\"/a\">\r\n<Custom Name=\"c\" ID=\"1\"/>\r\n" + Close);
        Assert.Equal("Custom", Assert.Single(tree.Root!.Children[0].Children[0].Children).Name);
        // Closed by the section's end tag, in the words a key closed by the next key gets.
        Assert.Contains("expected '</A>' at the end of the key", Assert.Single(tree.Diagnostics).Message);
    }

    [Fact]
    public void MissingEndTag_ElementInsideAnElementOutsideTheSection_Nests()
    {
        // Only children of configuration/MBProperty are keys.
        var tree = SyntaxTree.Parse("<configuration><Other><A><B/></A></Other>" + Open + Close + "</configuration>");
        Assert.Equal("B", Assert.Single(tree.Root!.Children[0].Children[0].Children).Name);
    }

    [Fact]
    public void MissingEndTag_AtEndOfFile_ReportsEveryOpenElement()
    {
        var tree = SyntaxTree.Parse("<configuration><MBProperty><Key>");
        Assert.Equal(3, tree.Diagnostics.Count(d => d.Code == DiagnosticCodes.MissingEndTag));
        Assert.Equal(tree.Text.Length, tree.Root!.Span.End);
    }

    [Fact]
    public void MissingEndTag_AllClosed_NotReported()
    {
        AssertNone(DiagnosticCodes.MissingEndTag, Open + "<Key></Key>" + Close);
    }

    [Fact]
    public void StrayEndTag_NoMatchingOpenElement_ReportedAndIgnored()
    {
        var (text, start, length) = Fixture.ParseSpan(Open + "<Key></Key>[</Other>]" + Close);
        var tree = SyntaxTree.Parse(text);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticCodes.StrayEndTag, diagnostic.Code);
        Assert.Equal((start, length), (diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.NotNull(tree.Root!.Children[0].EndTagSpan);
    }

    [Fact]
    public void StrayEndTag_AfterRoot_Reported()
    {
        AssertOnly(DiagnosticCodes.StrayEndTag, Open + Close + "[</configuration>]");
    }

    [Fact]
    public void StrayEndTag_MatchingEndTags_NotReported()
    {
        AssertNone(DiagnosticCodes.StrayEndTag, Open + "<Key></Key>" + Close);
    }

    [Fact]
    public void StrayText_BetweenKeys_ReportedTrimmed()
    {
        AssertOnly(DiagnosticCodes.StrayText, Open + "<Key/>\n  [oops here]\n<Key/>" + Close);
    }

    [Fact]
    public void StrayText_OnlyWhitespace_NotReported()
    {
        AssertNone(DiagnosticCodes.StrayText, Open + "\r\n\t <Key/>\r\n" + Close + "\r\n");
    }

    [Theory]
    [InlineData("<!DOCTYPE configuration [ <!ENTITY a \"x>y\"> <!ENTITY b '&a;'> ]>")]
    [InlineData("<!DOCTYPE configuration [ <!-- a ]> in a comment --> <!ENTITY a 'x'> ]>")]
    public void DoctypeNotAllowed_WithInternalSubset_ReportedOnceAndSkipped(string doctype)
    {
        var tree = SyntaxTree.Parse(doctype + Open + Close);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticCodes.DoctypeNotAllowed, diagnostic.Code);
        Assert.Equal((0, doctype.Length), (diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Equal(SyntaxKind.Doctype, tree.Tokens[0].Kind);
        Assert.Equal(doctype.Length, tree.Tokens[0].Length);
        Assert.Equal("configuration", tree.Root!.Name);
    }

    [Fact]
    public void DoctypeNotAllowed_EntityDeclarationOutsideDoctype_Reported()
    {
        AssertOnly(DiagnosticCodes.DoctypeNotAllowed, "[<!ENTITY x \"y\">]" + Open + Close);
    }

    [Fact]
    public void DoctypeNotAllowed_NoDoctype_NotReported()
    {
        AssertNone(DiagnosticCodes.DoctypeNotAllowed, "<?xml version =\"1.0\"?>" + Open + Close);
    }

    [Fact]
    public void UnknownEntity_DeclaredEntityReference_ReportedAndKeptVerbatim()
    {
        var (text, start, length) = Fixture.ParseSpan(Open + "<Key v=\"a[&ent;]b\"/>" + Close);
        var tree = SyntaxTree.Parse(text);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownEntity, diagnostic.Code);
        Assert.Equal((start, length), (diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Equal("a&ent;b", tree.Root!.Children[0].Children[0].GetAttribute("v")!.Value);
    }

    [Theory]
    [InlineData("[&]b")]
    [InlineData("[&#xZZ;]")]
    [InlineData("[&#0;]")]
    [InlineData("x[&]")]
    public void UnknownEntity_BadReference_Reported(string value)
    {
        AssertOnly(DiagnosticCodes.UnknownEntity, Open + "<Key v=\"" + value + "\"/>" + Close);
    }

    [Theory]
    [InlineData("&#0;", "names U+0000, which XML does not allow")]
    [InlineData("&#xD800;", "names U+D800, which XML does not allow")]
    [InlineData("&#x110000;", "is past U+10FFFF")]
    [InlineData("&#12a;", "is not a decimal number")]
    [InlineData("&#x;", "has no digits")]
    [InlineData("&#xFFFFFFFF;", "is past U+10FFFF")] // was named U+FFFFFFFF, read as -1
    [InlineData("&#x80000000;", "is past U+10FFFF")]
    [InlineData("&#X41;", "writes 'X' where XML requires a lowercase 'x'")]
    public void UnknownEntity_CharacterReferenceToNoCharacter_SaysWhy(string reference, string says)
    {
        // They were called entities not expanded, with a character reference as the fix.
        var message = Assert.Single(SyntaxTree.Parse(Open + "<Key v=\"a" + reference + "b\"/>" + Close).Diagnostics).Message;
        Assert.StartsWith($"Character reference '{reference}' {says}", message);
    }

    [Fact]
    public void MalformedMarkup_ControlCharactersInATag_QuotedAsCodePoints()
    {
        // Printed as they are, a NUL or an escape sequence went to the terminal of `smtplsp check`.
        var message = Assert.Single(SyntaxTree.Parse(Open + "<Key v=\"1\" \u0000\u001B[31m/>" + Close).Diagnostics, d => d.Message.StartsWith("Unexpected", StringComparison.Ordinal)).Message;
        Assert.StartsWith("Unexpected '<U+0000><U+001B>[31' in start tag", message);
    }

    [Fact]
    public void UnknownEntity_PredefinedAndCharacterReferences_NotReported()
    {
        AssertNone(DiagnosticCodes.UnknownEntity, Open + "<Key v=\"&lt;&gt;&amp;&quot;&apos;&#10;&#x1F600;\"/>" + Close);
    }

    [Fact]
    public void DuplicateAttribute_SameNameTwice_ReportedOnSecond()
    {
        AssertOnly(DiagnosticCodes.DuplicateAttribute, Open + "<Key AuthFlags=\"1\" [AuthFlags]=\"2\"/>" + Close);
    }

    [Fact]
    public void DuplicateAttribute_DifferentCase_NotReported()
    {
        AssertNone(DiagnosticCodes.DuplicateAttribute, Open + "<Key AuthFlags=\"1\" authflags=\"2\"/>" + Close);
    }

    [Fact]
    public void InvalidRoot_OtherRootName_ReportedOnName()
    {
        AssertOnly(DiagnosticCodes.InvalidRoot, "<[config]><MBProperty/></config>");
    }

    [Fact]
    public void InvalidRoot_NoMBProperty_ReportedOnRootName()
    {
        var diagnostic = AssertOnly(DiagnosticCodes.InvalidRoot, "<[configuration] xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\"></configuration>");
        Assert.Contains("MBProperty", diagnostic.Message);
    }

    [Fact]
    public void InvalidRoot_SecondRootElement_Reported()
    {
        AssertOnly(DiagnosticCodes.InvalidRoot, Open + Close + "<[extra]/>");
    }

    [Fact]
    public void InvalidRoot_ConfigurationWithNamespaceAndMBProperty_NotReported()
    {
        AssertNone(DiagnosticCodes.InvalidRoot, "\uFEFF<?xml version =\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n</MBProperty>\r\n</configuration>\r\n");
    }
}
