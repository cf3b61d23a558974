namespace PolicyCheck.Manifests.Objects;

/// <summary>The controller owner of an object (<c>metadata.ownerReferences[]</c> with <c>controller: true</c>).</summary>
internal readonly record struct OwnerReference(string Kind, string Name);
