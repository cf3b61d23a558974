using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyCheck.Kube.Config;

namespace PolicyCheck.Kube.Auth;

/// <summary>
/// Runs a credential plugin (how EKS, GKE and AKS authenticate) and caches its ExecCredential until
/// <c>status.expirationTimestamp</c>. The plugin gets <c>KUBERNETES_EXEC_INFO</c> (non-interactive) and, when the
/// kubeconfig asks for it, the cluster's server and CA. Its output is never logged or put in a message, and is read
/// up to <see cref="ReadLimits.ExecOutputBytes"/> per stream.
/// </summary>
internal sealed class ExecPlugin(ExecPluginConfig config, ClusterEndpoint cluster, byte[]? caData, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);
    private const int StderrShown = 400;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ExecResult? _cached;

    public ExecPluginConfig Config { get; } = config;

    public async Task<ExecResult> AcquireAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } cached && (cached.Expires is null || cached.Expires > time.GetUtcNow()))
                return cached;
            _cached = await RunAsync(ct);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    public void Dispose() => _gate.Dispose();

    private async Task<ExecResult> RunAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Config.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in Config.Arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in Config.Environment)
            start.Environment[name] = value;
        start.Environment["KUBERNETES_EXEC_INFO"] = ExecInfo();

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            var hint = string.IsNullOrWhiteSpace(Config.InstallHint) ? string.Empty : " " + Config.InstallHint.Trim();
            throw new KubeConfigException($"{Config.Where}: exec plugin '{Config.Command}' cannot be started (not found or not executable).{hint}");
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(RunLimit);
        var stdout = ReadLimits.ReadAsync(process.StandardOutput.BaseStream, ReadLimits.ExecOutputBytes, limit.Token);
        var stderr = ReadLimits.ReadAsync(process.StandardError.BaseStream, ReadLimits.ExecOutputBytes, limit.Token);
        try
        {
            var pending = new List<Task<byte[]?>> { stdout, stderr };
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                if (await done is null)
                {
                    Stop(process);
                    throw new KubeConfigException(
                        $"{Config.Where}: exec plugin '{Config.Command}' wrote more than {ReadLimits.Describe(ReadLimits.ExecOutputBytes)} to " +
                        $"{(done == stdout ? "stdout" : "stderr")}; an ExecCredential is a few KiB, so it was stopped.");
                }
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            ct.ThrowIfCancellationRequested();
            throw new KubeConfigException($"{Config.Where}: exec plugin '{Config.Command}' did not finish within {RunLimit.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            var detail = Encoding.UTF8.GetString((await stderr)!).Trim(); // both reads ended within their limit above
            if (detail.Length > StderrShown)
                detail = string.Concat("…", detail.AsSpan(detail.Length - StderrShown));
            throw new KubeConfigException(
                $"{Config.Where}: exec plugin '{Config.Command}' failed with exit code {process.ExitCode}" +
                (detail.Length == 0 ? "." : $": {detail}"));
        }

        return Parse(Encoding.UTF8.GetString((await stdout)!)); // both reads ended within their limit above
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it exited meanwhile
        }
    }

    private string ExecInfo()
    {
        var spec = new JsonObject { ["interactive"] = false };
        if (Config.ProvideClusterInfo)
        {
            var clusterInfo = new JsonObject { ["server"] = cluster.Server.ToString() };
            if (cluster.TlsServerName is not null)
                clusterInfo["tls-server-name"] = cluster.TlsServerName;
            if (cluster.InsecureSkipTlsVerify)
                clusterInfo["insecure-skip-tls-verify"] = true;
            if (caData is not null)
                clusterInfo["certificate-authority-data"] = System.Convert.ToBase64String(caData);
            spec["cluster"] = clusterInfo;
        }

        return new JsonObject { ["apiVersion"] = Config.ApiVersion, ["kind"] = "ExecCredential", ["spec"] = spec }.ToJsonString();
    }

    /// <summary>Reads the ExecCredential. Messages name the problem, never a value from the output.</summary>
    private ExecResult Parse(string output)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(output) as JsonObject ?? throw Invalid("is not a JSON object");
        }
        catch (JsonException)
        {
            throw Invalid("is not JSON");
        }

        if (Text(root, "kind") != "ExecCredential")
            throw Invalid("has no 'kind: ExecCredential'");
        if (Text(root, "apiVersion") != Config.ApiVersion)
            throw Invalid($"has apiVersion '{Text(root, "apiVersion")}', but the kubeconfig asks for '{Config.ApiVersion}'");
        if (root["status"] is not JsonObject status)
            throw Invalid("has no 'status'");

        var token = Text(status, "token");
        var certificate = Text(status, "clientCertificateData");
        var key = Text(status, "clientKeyData");
        if (string.IsNullOrEmpty(token) && (string.IsNullOrEmpty(certificate) || string.IsNullOrEmpty(key)))
            throw Invalid("has neither 'status.token' nor both 'status.clientCertificateData' and 'status.clientKeyData'");

        if (!string.IsNullOrEmpty(token) && BearerToken.Problem(token) is { } problem)
            throw Invalid($"has a 'status.token' that {problem}");

        DateTimeOffset? expires = null;
        if (Text(status, "expirationTimestamp") is { Length: > 0 } stamp)
        {
            if (!DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                throw Invalid("has an 'expirationTimestamp' that is not an RFC 3339 time");
            expires = parsed;
        }

        var clientCertificate = string.IsNullOrEmpty(certificate) || string.IsNullOrEmpty(key)
            ? null
            : ClientCertificates.FromPem(certificate, key, $"{Config.Where}: exec plugin '{Config.Command}' output");
        return new ExecResult(string.IsNullOrEmpty(token) ? null : token, clientCertificate, expires);
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private KubeConfigException Invalid(string problem) =>
        new($"{Config.Where}: the output of exec plugin '{Config.Command}' {problem}.");
}
