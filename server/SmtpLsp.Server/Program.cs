using SmtpLsp.Server.Cli;
using SmtpLsp.Server.Lsp;

namespace SmtpLsp.Server;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--stdio"] or ["serve"] or ["serve", "--stdio"])
        {
            var core = new MetabaseLanguageCore();
            return LanguageServerHost.RunStdio(core, core.AttachTo);
        }
        return CliApp.Run(args, Console.Out, Console.Error);
    }
}
