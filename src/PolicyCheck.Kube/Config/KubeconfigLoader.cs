using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using PolicyCheck.Kube.Auth;

namespace PolicyCheck.Kube.Config;

/// <summary>
/// Finds, reads and merges kubeconfig files as kubectl does, then resolves one context. <c>--kubeconfig</c> names the
/// only file; otherwise each file of <c>KUBECONFIG</c> (separated by ':'; missing files are skipped), else
/// <c>~/.kube/config</c>. Merging: the first file to define a cluster, user or context name wins, and the first file
/// that sets <c>current-context</c> decides it. Relative paths are relative to the file that holds them.
/// </summary>
internal static class KubeconfigLoader
{
    /// <summary>The files to read, in precedence order; an empty list when none exists and none was named.</summary>
    public static ImmutableArray<string> Files(KubeConnectionOptions options)
    {
        if (!string.IsNullOrEmpty(options.Kubeconfig))
        {
            if (!File.Exists(options.Kubeconfig))
                throw new KubeConfigException($"Kubeconfig '{options.Kubeconfig}' does not exist.");
            return [options.Kubeconfig];
        }

        var list = options.Variable("KUBECONFIG");
        if (!string.IsNullOrEmpty(list))
        {
            return [.. list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal)
                .Where(File.Exists)];
        }

        var home = options.Variable("HOME") ?? options.Variable("USERPROFILE");
        if (string.IsNullOrEmpty(home))
            return [];
        var path = Path.Combine(home, ".kube", "config");
        return File.Exists(path) ? [path] : [];
    }

    public static ConnectionPlan Load(ImmutableArray<string> files, string? contextOverride, TimeProvider time)
    {
        var documents = files.Select(Read).ToList();
        var clusters = Merge(documents, "clusters", "cluster");
        var users = Merge(documents, "users", "user");
        var contexts = Merge(documents, "contexts", "context");
        var shown = string.Join(", ", files.Select(f => $"'{f}'"));

        string contextName;
        if (!string.IsNullOrEmpty(contextOverride))
        {
            contextName = contextOverride;
        }
        else
        {
            var current = documents
                .Select(d => d.Root["current-context"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null)
                .FirstOrDefault(s => s is not null);
            contextName = current ?? throw new KubeConfigException(
                $"No current-context is set in {shown}; pass --context ({Available(contexts)}).");
        }

        if (!contexts.TryGetValue(contextName, out var context))
            throw new KubeConfigException($"Context '{contextName}' is not defined in {shown} ({Available(contexts)}).");

        var clusterName = context.NonEmpty("cluster")
            ?? throw context.Error(context.Mapping, $"context '{contextName}' names no cluster");
        if (!clusters.TryGetValue(clusterName, out var cluster))
            throw context.Error(context.Mapping["cluster"], $"context '{contextName}' names cluster '{clusterName}', which is not defined ({Available(clusters)})");
        var (endpoint, caData, urlBasic) = ReadCluster(cluster);

        ConfigValues? user = null;
        var userName = context.NonEmpty("user");
        if (userName is not null && !users.TryGetValue(userName, out user))
            throw context.Error(context.Mapping["user"], $"context '{contextName}' names user '{userName}', which is not defined ({Available(users)})");
        var authenticator = user is null
            ? Authenticator.Create(urlBasic is null ? $"context '{contextName}'" : $"the server URL of {cluster.What}", null, null, null, urlBasic, null)
            : ReadUser(user, endpoint, caData, urlBasic is null ? null : (urlBasic.Value, cluster), time);
        return new ConnectionPlan(contextName, endpoint, authenticator);
    }

    private static KubeconfigDocument Read(string path)
    {
        byte[]? bytes;
        try
        {
            bytes = ReadLimits.ReadFile(path, ReadLimits.KubeconfigBytes); // counted as read: a device's length says 0
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"Kubeconfig '{path}' cannot be read ({ex.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)}).");
        }

        if (bytes is null)
            throw new KubeConfigException($"Kubeconfig '{path}' is larger than {ReadLimits.Describe(ReadLimits.KubeconfigBytes)}; is it the right file?");
        var text = ReadLimits.Text(bytes);

        var result = KubeconfigReader.Read(path, text);
        if (result.Document is null)
            throw new KubeConfigException(string.Join(Environment.NewLine, result.Errors));
        return result.Document;
    }

    /// <summary>Named entries (<c>- name: x</c> + <c>cluster: {…}</c>) of all files; the first definition of a name wins.</summary>
    private static Dictionary<string, ConfigValues> Merge(List<KubeconfigDocument> documents, string listKey, string itemKey)
    {
        var merged = new Dictionary<string, ConfigValues>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var list = document.Root[listKey];
            if (list is null)
                continue;
            if (list is not JsonArray array)
                throw ConfigValues.Fail(document, list, $"'{listKey}' must be a list");
            foreach (var item in array)
            {
                if (item is not JsonObject entry)
                    throw ConfigValues.Fail(document, item, $"each entry of '{listKey}' must be a mapping with 'name' and '{itemKey}'");
                var named = new ConfigValues(document, entry, $"an entry of '{listKey}'");
                var name = named.NonEmpty("name") ?? throw named.Error(entry, $"an entry of '{listKey}' has no 'name'");
                if (merged.ContainsKey(name))
                    continue;
                var body = entry[itemKey] ?? new JsonObject();
                if (body is not JsonObject bodyMapping)
                    throw ConfigValues.Fail(document, body, $"'{itemKey}' of {itemKey} '{name}' must be a mapping");
                merged[name] = new ConfigValues(document, bodyMapping, $"{itemKey} '{name}'");
            }
        }

        return merged;
    }

    private static string Available(Dictionary<string, ConfigValues> entries) =>
        entries.Count == 0 ? "none are defined" : "defined: " + string.Join(", ", entries.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"));

    private static (ClusterEndpoint Endpoint, byte[]? CaData, (string User, string Password)? UrlBasic) ReadCluster(ConfigValues cluster)
    {
        var serverText = cluster.NonEmpty("server") ?? throw cluster.Error(cluster.Mapping, $"{cluster.What} has no 'server'");
        if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
            throw cluster.Error(cluster.Mapping["server"], $"'server' of {cluster.What} must be an https:// (or http://) URL, not '{WithoutUserInfo(serverText)}'");

        // kubectl (Go's HTTP client) sends a user and password written in the URL as basic auth; they are kept out of
        // the URL so that no message, log line or location shows them.
        (string User, string Password)? urlBasic = null;
        if (server.UserInfo.Length > 0)
        {
            var colon = server.UserInfo.IndexOf(':', StringComparison.Ordinal);
            urlBasic = colon < 0
                ? (Uri.UnescapeDataString(server.UserInfo), string.Empty)
                : (Uri.UnescapeDataString(server.UserInfo[..colon]), Uri.UnescapeDataString(server.UserInfo[(colon + 1)..]));
            server = new UriBuilder(server) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        var caData = cluster.Base64("certificate-authority-data");
        if (caData is null && cluster.FilePath("certificate-authority") is { } caPath)
            caData = cluster.ReadFile("certificate-authority", caPath);
        X509Certificate2Collection? ca = null;
        if (caData is not null)
        {
            var key = cluster.Mapping.ContainsKey("certificate-authority-data") ? "certificate-authority-data" : "certificate-authority";
            try
            {
                ca = ClientCertificates.Bundle(System.Text.Encoding.UTF8.GetString(caData), cluster.What);
            }
            catch (KubeConfigException ex)
            {
                throw cluster.Error(cluster.Mapping[key], ex.Message.TrimEnd('.'));
            }
        }

        var insecure = cluster.Bool("insecure-skip-tls-verify");
        if (insecure && ca is not null)
        {
            throw cluster.Error(cluster.Mapping["insecure-skip-tls-verify"],
                $"{cluster.What} sets both a certificate authority and insecure-skip-tls-verify; kubectl refuses that too, remove one");
        }

        Uri? proxy = null;
        if (cluster.NonEmpty("proxy-url") is { } proxyText &&
            (!Uri.TryCreate(proxyText, UriKind.Absolute, out proxy) || proxy.Scheme is not ("http" or "https" or "socks5")))
        {
            throw cluster.Error(cluster.Mapping["proxy-url"], $"'proxy-url' of {cluster.What} must be an http, https or socks5 URL");
        }

        return (new ClusterEndpoint(server, ca, insecure, cluster.NonEmpty("tls-server-name"), proxy), caData, urlBasic);
    }

    /// <summary>The text with what comes before an '@' after the scheme replaced by <c>***</c>: a password never reaches a message.</summary>
    private static string WithoutUserInfo(string url)
    {
        // Up to the last '@' rather than the authority's end: a password may hold a '/'.
        var authorityStart = url.IndexOf("//", StringComparison.Ordinal) is var slashes and >= 0 ? slashes + 2 : 0;
        var at = url.LastIndexOf('@');
        return at < authorityStart ? url : string.Concat(url.AsSpan(0, authorityStart), "***", url.AsSpan(at));
    }

    private static Authenticator ReadUser(
        ConfigValues user, ClusterEndpoint endpoint, byte[]? caData, ((string User, string Password) Basic, ConfigValues Cluster)? urlBasic, TimeProvider time)
    {
        if (user.Mapping.ContainsKey("auth-provider"))
        {
            throw user.Error(user.Mapping["auth-provider"],
                $"{user.What} uses 'auth-provider', which kubectl removed; use an 'exec' credential plugin (e.g. gke-gcloud-auth-plugin, kubelogin)");
        }

        var token = user.NonEmpty("token");
        if (token is not null && BearerToken.Problem(token) is { } problem)
            throw user.Error(user.Mapping["token"], $"'token' of {user.What} {problem}");
        var tokenFile = token is null && user.FilePath("tokenFile") is { } tokenPath
            ? new FileToken(tokenPath, $"{user.Document.SpanOf(user.Mapping["tokenFile"])}: {user.What}", time)
            : null;
        var userName = user.NonEmpty("username");
        var password = user.String("password");
        (string, string)? basic = userName is not null ? (userName, password ?? string.Empty) : null;
        if (basic is not null && (token is not null || tokenFile is not null))
            throw user.Error(user.Mapping["username"], $"{user.What} sets both basic auth and a token; kubectl allows only one");

        var execValues = user.Child("exec", $"exec of {user.What}");
        if (urlBasic is { } fromUrl)
        {
            if (basic is not null || token is not null || tokenFile is not null || execValues is not null)
            {
                throw fromUrl.Cluster.Error(fromUrl.Cluster.Mapping["server"],
                    $"'server' of {fromUrl.Cluster.What} holds a user name and password, and {user.What} has credentials of its own; " +
                    "keep one (kubectl would send the URL's, which is easy to miss)");
            }

            basic = fromUrl.Basic;
        }

        var certificate = ReadClientCertificate(user);
        ExecPlugin? exec = null;
        if (execValues is not null)
            exec = new ExecPlugin(ReadExec(execValues), endpoint, caData, time);
        var owner = urlBasic is null ? $"kubeconfig {user.What}" : $"kubeconfig {user.What} and the server URL of {urlBasic.Value.Cluster.What}";
        return Authenticator.Create(owner, token, tokenFile, exec, basic, certificate);
    }

    private static X509Certificate2? ReadClientCertificate(ConfigValues user)
    {
        var certificate = user.Base64("client-certificate-data") ?? (user.FilePath("client-certificate") is { } cp ? user.ReadFile("client-certificate", cp) : null);
        var key = user.Base64("client-key-data") ?? (user.FilePath("client-key") is { } kp ? user.ReadFile("client-key", kp) : null);
        if (certificate is null && key is null)
            return null;
        if (certificate is null || key is null)
        {
            var present = certificate is null ? "client-key" : "client-certificate";
            var missing = certificate is null ? "client-certificate" : "client-key";
            throw user.Error(user.Mapping, $"{user.What} has a {present} but no {missing}(-data); both are needed");
        }

        var encoding = System.Text.Encoding.UTF8;
        try
        {
            return ClientCertificates.FromPem(encoding.GetString(certificate), encoding.GetString(key), user.What);
        }
        catch (KubeConfigException ex)
        {
            var key2 = user.Mapping.ContainsKey("client-key-data") ? "client-key-data" : user.Mapping.ContainsKey("client-key") ? "client-key" : "client-certificate";
            throw user.Error(user.Mapping[key2], ex.Message.TrimEnd('.'));
        }
    }

    private static ExecPluginConfig ReadExec(ConfigValues exec)
    {
        var where = exec.Document.SpanOf(exec.Mapping).ToString();
        var apiVersion = exec.NonEmpty("apiVersion") ?? throw exec.Error(exec.Mapping, $"{exec.What} has no 'apiVersion'");
        if (apiVersion is not ("client.authentication.k8s.io/v1" or "client.authentication.k8s.io/v1beta1"))
        {
            throw exec.Error(exec.Mapping["apiVersion"],
                $"{exec.What} has apiVersion '{apiVersion}'; supported are client.authentication.k8s.io/v1 and v1beta1");
        }

        var command = exec.NonEmpty("command") ?? throw exec.Error(exec.Mapping, $"{exec.What} has no 'command'");
        // kubectl resolves a relative command that names a folder against the kubeconfig's folder; a bare name uses PATH.
        if (!Path.IsPathRooted(command) && command.Contains('/', StringComparison.Ordinal))
            command = exec.Resolve(command);

        var arguments = ImmutableArray.CreateBuilder<string>();
        foreach (var argument in exec.List("args") ?? [])
        {
            if (argument is not JsonValue value || !value.TryGetValue<string>(out var text))
                throw exec.Error(argument, $"each of 'args' of {exec.What} must be a string");
            arguments.Add(text);
        }

        var environment = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var variable in exec.List("env") ?? [])
        {
            if (variable is not JsonObject entry)
                throw exec.Error(variable, $"each of 'env' of {exec.What} must be a mapping with 'name' and 'value'");
            var values = new ConfigValues(exec.Document, entry, $"an 'env' entry of {exec.What}");
            var name = values.NonEmpty("name") ?? throw values.Error(entry, $"an 'env' entry of {exec.What} has no 'name'");
            environment.Add(new(name, values.String("value") ?? string.Empty));
        }

        return new ExecPluginConfig(apiVersion, command, arguments.ToImmutable(), environment.ToImmutable(),
            exec.NonEmpty("installHint"), exec.Bool("provideClusterInfo"), where);
    }
}
