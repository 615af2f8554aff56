using CsCheck;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Model;

/// <summary>Keys collected on parallel ranges equal the keys of one pass: same elements, same order.</summary>
public class ParallelModelBuildTests
{
    private static readonly string Document = LargeMetabaseGenerator.Generate(20_000, seed: 5);

    private static readonly string[] Fragments =
        ["<", ">", "</", "/>", "\"", "<Custom Name=\"A\" ID=\"1\"/>", "<IIsWebVirtualDir Location=\"/x\">", "</IIsWebServer>", "\r\n"];

    [Fact]
    public void Build_ParallelRangesOnGeneratedDocument_SameKeysInOrder()
    {
        var tree = SyntaxTree.Parse(Document);
        Assert.True(tree.Root!.Children.Single(c => c.Name == "MBProperty").Children.Count > 8);
        AssertSameKeys(tree);
    }

    [Fact]
    public void Build_ParallelRangesOnMutatedDocuments_SameKeysInOrder()
    {
        MutationGen.Of(Document, Fragments, maxEdits: 6).Sample(text => AssertSameKeys(SyntaxTree.Parse(text)), iter: 200);
    }

    private static void AssertSameKeys(SyntaxTree tree)
    {
        var sequential = MetabaseModel.Build(tree, minElementsPerWorker: int.MaxValue).Keys;
        var parallel = MetabaseModel.Build(tree, minElementsPerWorker: 1).Keys;
        Assert.Equal(sequential.Count, parallel.Count);
        for (int i = 0; i < sequential.Count; i++)
        {
            Assert.Same(sequential[i].Element, parallel[i].Element);
            Assert.Equal(sequential[i].Location, parallel[i].Location);
        }
    }
}
