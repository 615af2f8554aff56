using SmtpLsp.Server.Cli;
using SmtpLsp.Server.Lsp;

namespace SmtpLsp.Server;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--stdio"] or ["serve"] or ["serve", "--stdio"]) return LanguageServerHost.RunStdio(new PendingLanguageCore());
        return CliApp.Run(args, Console.Out, Console.Error);
    }
}
