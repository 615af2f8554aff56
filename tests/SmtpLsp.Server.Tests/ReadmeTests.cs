namespace SmtpLsp.Server.Tests;

/// <summary>The README's editor snippets are the files the end-to-end editor tests load, word for word.</summary>
public sealed class ReadmeTests
{
    [Theory]
    [InlineData("tests/e2e/neovim/smtplsp.lua")]
    [InlineData("tests/e2e/emacs/smtplsp.el")]
    public void Readme_EditorSnippet_IsTheTestedFile(string snippet)
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, snippet)).Replace("\r\n", "\n");
        Assert.Contains(text, readme);
    }
}
