namespace SmtpLsp.Server;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("smtplsp: not wired yet");
        return 2;
    }
}
