namespace SmtpLsp.Server;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--stdio"] or ["serve"]) return SmtpLsp.Server.Lsp.LanguageServerHost.RunStdio(new SmtpLsp.Server.Lsp.PendingLanguageCore());
        Console.Error.WriteLine("smtplsp: not wired yet");
        return 2;
    }
}
