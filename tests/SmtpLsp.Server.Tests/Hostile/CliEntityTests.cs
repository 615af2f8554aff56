namespace SmtpLsp.Server.Tests.Hostile;

/// <summary>`smtplsp check` on a metabase with a hostile DTD, and `--schema` pointing at one: nothing expands or leaks.</summary>
public sealed class CliEntityTests
{
    private static readonly string Secret = "SECRET-" + Guid.NewGuid().ToString("N");

    private static string SecretFile(string dir)
    {
        string path = Path.Combine(dir, "secret.txt");
        File.WriteAllText(path, Secret);
        return path;
    }

    [Fact]
    public void Check_MetabaseWithHostileDoctype_OneMb1007PerFileNothingFetched()
    {
        using var listener = new CanaryListener();
        string dir = HostileFiles.NewFolder();
        string secret = SecretFile(dir);
        var files = HostileFiles.AttackSubsets(listener.Port, secret).Select((subset, i) =>
        {
            string path = Path.Combine(dir, $"attack{i}.xml");
            File.WriteAllText(path, HostileFiles.Metabase.Replace("<configuration", $"<!DOCTYPE configuration [\n{subset}\n]>\r\n<configuration"));
            return path;
        }).ToList();

        var (code, output, err) = HostileFiles.Cli(["check", .. files]);

        Assert.Equal(1, code);
        foreach (var file in files)
            Assert.Single(output.Split('\n'), line => line.StartsWith(file + ":", StringComparison.Ordinal) && line.Contains("MB1007"));
        Assert.Contains("never expanded", output);
        Assert.DoesNotContain(Secret, output + err);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public void Check_SchemaWithHostileDoctype_RefusedWithReasonNothingFetched()
    {
        using var listener = new CanaryListener();
        string dir = HostileFiles.NewFolder();
        string secret = SecretFile(dir);
        string metabase = Path.Combine(dir, "MetaBase.xml");
        File.WriteAllText(metabase, HostileFiles.Metabase);
        foreach (var (subset, i) in HostileFiles.AttackSubsets(listener.Port, secret).Select((s, i) => (s, i)))
        {
            string schema = Path.Combine(dir, $"MBSchema{i}.xml");
            File.WriteAllText(schema,
                $"<?xml version=\"1.0\"?>\n<!DOCTYPE MetaData [\n{subset}\n]>\n<MetaData xmlns=\"x-urn:microsoft-catalog:MetaData_V7\">\n" +
                "<DatabaseMeta InternalName=\"METABASE\"><Collection InternalName=\"IIsConfigObject\">" +
                "<Property InternalName=\"KeyType\" ID=\"1002\" Type=\"STRING\" DefaultValue=\"&xxe;&lol9;\"/></Collection></DatabaseMeta></MetaData>\n");

            var (code, output, err) = HostileFiles.Cli("check", metabase, "--schema", schema);

            Assert.Equal(2, code);
            Assert.Contains($"{schema}:2:1: error: a DOCTYPE (DTD) is not allowed in a schema file", err);
            Assert.Contains("cannot use the schema", err);
            Assert.DoesNotContain(Secret, output + err);
        }
        Assert.Equal(0, listener.Connections);
    }
}
