using System.Diagnostics;
using System.Text;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>A real smtplsp process over stdio; disposing kills it if it is still running.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    public RawLspConnection Connection { get; }

    private ServerProcess(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        Connection = new RawLspConnection(_process.StandardOutput.BaseStream, _process.StandardInput.BaseStream);
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>The JIT build: <c>dotnet smtplsp.dll --stdio</c>, next to the test assembly (project reference).</summary>
    public static ServerProcess StartJit()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "smtplsp.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("smtplsp.dll is not in the test output", dll);
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "--stdio" } };
        return new ServerProcess(start);
    }

    public static ServerProcess StartAot() =>
        new(new ProcessStartInfo(Environment.GetEnvironmentVariable(AotFactAttribute.Variable)!) { ArgumentList = { "--stdio" } });

    public void CloseStdin() => _process.StandardInput.Close();

    public Stream Stdin => _process.StandardInput.BaseStream;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}

/// <summary>A fact that runs only when <c>SMTPLSP_AOT_BINARY</c> names a published Native AOT binary.</summary>
public sealed class AotFactAttribute : FactAttribute
{
    public const string Variable = "SMTPLSP_AOT_BINARY";

    public AotFactAttribute()
    {
        string? path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path))
            Skip = $"{Variable} is not set; publish with `dotnet publish server/SmtpLsp.Server -c Release -r linux-x64 -p:PublishAot=true -o <dir>` and point it at <dir>/smtplsp";
        else if (!File.Exists(path))
            Skip = $"{Variable}={path} does not exist";
    }
}
