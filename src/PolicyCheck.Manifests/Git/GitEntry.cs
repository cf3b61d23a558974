namespace PolicyCheck.Manifests.Git;

/// <summary>One record of <c>git ls-tree -r -t -z</c>: a blob, a symbolic link (mode 120000), a tree or a submodule.</summary>
internal readonly record struct GitEntry(string Mode, string Type, string Object, string Path)
{
    public bool IsLink => Mode == "120000";

    public bool IsFile => Type == "blob" && !IsLink;

    public bool IsTree => Type == "tree";
}
