using System.Xml;
using BenchmarkDotNet.Attributes;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Benchmarks;

/// <summary>
/// Parse plus full analysis against the two baselines of the issue, side by side on the same text: XmlReader
/// walking every node and attribute of the string, and File.ReadAllText decoding the same file.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ThroughputBenchmarks
{
    private string _text = "";
    private string _path = "";
    private string _xmlText = "";
    private byte[] _bytes = [];

    [ParamsSource(nameof(Sizes))]
    public int Megabytes { get; set; }

    /// <summary>
    /// 1, 10 and 50 MiB, or the sizes in SMTPLSP_BENCH_MB ("50"): one size per process keeps what the JIT learnt
    /// from one size (a small file runs the sequential paths) out of the next one's figures.
    /// </summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("SMTPLSP_BENCH_MB") is { Length: > 0 } sizes ? sizes.Split(',').Select(int.Parse) : [1, 10, 50];

    [GlobalSetup]
    public void Setup()
    {
        (_text, _path) = Corpus.Get(Megabytes);
        // XmlReader rejects a BOM character before the declaration in a string (a decoder drops it from a file).
        _xmlText = _text.TrimStart('\uFEFF');
        _bytes = File.ReadAllBytes(_path);
        _ = MetabaseCatalog.Embedded;
    }

    [Benchmark(Baseline = true)]
    public int XmlReaderFromString()
    {
        int count = 0;
        using var reader = XmlReader.Create(new StringReader(_xmlText), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            count += info.LineNumber;
            while (reader.MoveToNextAttribute()) count += reader.Value.Length + info.LinePosition;
        }
        return count;
    }

    /// <summary>The same walk over the file's bytes, as the issue words it: XmlReader decodes the UTF-8 itself.</summary>
    [Benchmark]
    public int XmlReaderFromBytes()
    {
        int count = 0;
        using var reader = XmlReader.Create(new MemoryStream(_bytes, writable: false), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            count += info.LineNumber;
            while (reader.MoveToNextAttribute()) count += reader.Value.Length + info.LinePosition;
        }
        return count;
    }

    [Benchmark]
    public int FileReadAllText() => File.ReadAllText(_path).Length;

    [Benchmark]
    public int Parse() => SyntaxTree.Parse(_text).Diagnostics.Count;

    /// <summary>The parse in one pass on one thread, beside the default (split into pieces on large texts).</summary>
    [Benchmark]
    public int ParseOnePass() => SyntaxTree.Parse(_text, pieceChars: -1).Diagnostics.Count;

    [Benchmark]
    public int ParseAndAnalyze() =>
        MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(_text)), MetabaseCatalog.Embedded).Count;

    /// <summary>What the server runs on didOpen: the same full pass, kept per key for later edits.</summary>
    [Benchmark]
    public int IncrementalCreate() => IncrementalAnalyzer.Create(_text, MetabaseCatalog.Embedded).Diagnostics.Count;
}
