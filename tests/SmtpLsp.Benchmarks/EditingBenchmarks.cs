using BenchmarkDotNet.Attributes;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Benchmarks;

/// <summary>What an open 50 MB document costs per keystroke and per request, in the core.</summary>
[Config(typeof(BenchmarkConfig))]
public class EditingBenchmarks
{
    private string _text = "";
    private IncrementalState _state = null!;
    private MetabaseDocument _document = null!;
    private string _edited = "";
    private TextBuffer _buffer = null!;
    private LineIndex _lines = null!;
    private TextBuffer _editedBuffer = null!;
    private int _at;
    private int _hoverAt;
    private int _completionAt;

    [Params(50)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpus.Get(Megabytes).Text;
        _state = IncrementalAnalyzer.Create(_text, MetabaseCatalog.Embedded);
        _document = _state.Document;
        _at = Corpus.ValueOffset(_text);
        _edited = _text.Insert(_at, "7");
        _buffer = TextBuffer.From(_text);
        _lines = new LineIndex(_buffer);
        _editedBuffer = _buffer.Replace(_at, 0, "7");
        _hoverAt = Corpus.ValueOffset(_text, "SmtpInboundCommandSupportOptions=\"");
        // Inside a key's start tag, between attributes: property-name completion.
        _completionAt = _text.IndexOf("\t\tServerComment=", _text.Length / 2, StringComparison.Ordinal) + 2;
    }

    /// <summary>The server's share of a keystroke before the core: the new 50 MB string.</summary>
    [Benchmark]
    public int ApplyKeystrokeToText() => _text.Insert(_at, "7").Length;

    /// <summary>The same share with the text store: a chunk of the buffer and a block of the line index.</summary>
    [Benchmark]
    public int ApplyKeystrokeToBuffer()
    {
        var buffer = _buffer.Replace(_at, 0, "7");
        return _lines.WithChange(new TextSpan(_at, 0), buffer).LineCount;
    }

    /// <summary>A fresh line index of the 50 MB text (the old per-keystroke cost, now vectorised; didOpen still pays it).</summary>
    [Benchmark]
    public int FullLineIndex() => new LineIndex(_edited).LineCount;

    [Benchmark]
    public int IncrementalKeystrokeOnBuffer()
    {
        var next = IncrementalAnalyzer.Update(_state, _editedBuffer, new TextSpan(_at, 0));
        if (next.Kind != UpdateKind.Incremental) throw new InvalidOperationException("keystroke fell back to a full pass");
        return next.Diagnostics.Count;
    }

    [Benchmark]
    public int IncrementalKeystroke()
    {
        var next = IncrementalAnalyzer.Update(_state, _edited, new TextSpan(_at, 0));
        if (next.Kind != UpdateKind.Incremental) throw new InvalidOperationException("keystroke fell back to a full pass");
        return next.Diagnostics.Count;
    }

    [Benchmark]
    public int IncrementalKeystrokeFindingTheSpan() => IncrementalAnalyzer.Update(_state, _edited).Diagnostics.Count;

    [Benchmark]
    public int Hover() => HoverService.GetHover(_document, _hoverAt, markdown: true)?.Content.Length ?? 0;

    [Benchmark]
    public int Completion() => CompletionService.GetCompletions(_document, _completionAt).Items.Count;

    [Benchmark]
    public int DocumentSymbolsCapped() => DocumentSymbols.Build(_document.Model).Count;
}
