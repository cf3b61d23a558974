using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Lint.Settings;

namespace PolicyCheck.Lint;

/// <summary>One check: stateless, it reads the <see cref="LintContext"/> and reports through it.</summary>
public abstract class LintRule
{
    /// <summary>What the rule reports, shaped like a SARIF <c>reportingDescriptor</c>.</summary>
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>Tags and security severity; none unless the rule says otherwise.</summary>
    public virtual RuleMetadata Metadata => RuleMetadata.None;

    /// <summary>The settings a profile or configuration may give the rule, each with its default; none unless declared.</summary>
    public virtual ImmutableArray<RuleParameter> Parameters => [];

    public abstract void Analyze(LintContext context);
}
