namespace PolicyCheck.Core.Selectors;

/// <summary>The four operators of a label selector requirement.</summary>
public enum SelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
