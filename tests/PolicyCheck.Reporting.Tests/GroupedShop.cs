using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// A cluster whose matrix really has groups, evaluated by the engine (hand-made matrices give every subject a group
/// of its own): shop/cart (Deployment ×2) and shop/checkout (Deployment ×1), both <c>tier: web</c>, accept only
/// each other on TCP 8080; shop/db (StatefulSet ×2, <c>tier: db</c>) accepts only web pods on TCP 5432, so its
/// replicas cannot talk; no egress is limited; no ipBlock, so the outside is one subject.
/// Groups: g1 {cart, checkout}, g2 {db}, g3 {outside}.
/// </summary>
internal static class GroupedShop
{
    public const string Outside = "ext:0.0.0.0-255.255.255.255";

    public static ReachabilityMatrix Matrix() => Evaluator.Evaluate(new ManifestBuilder()
        .Workload("shop/cart", w => w.Labels(("app", "cart"), ("tier", "web")).Replicas(2).Port(8080, "http"))
        .Workload("shop/checkout", w => w.Labels(("app", "checkout"), ("tier", "web")).Port(8080, "http"))
        .Workload("shop/db", w => w.Kind(WorkloadKind.StatefulSet).Labels(("app", "db"), ("tier", "db")).Replicas(2).Port(5432, "pg"))
        .Policy("shop/db-from-web", p => p.Select(("tier", "db")).Ingress(r => r.Pods(("tier", "web")).Port(5432)))
        .Policy("shop/web-from-web", p => p.Select(("tier", "web")).Ingress(r => r.Pods(("tier", "web")).Port(8080)))
        .Build());

    /// <summary>Twelve bare pods of one kind: <c>x/p01</c>…<c>x/p12</c>, all alike, that may all reach each other.</summary>
    public static ReachabilityMatrix TwelveAlike()
    {
        var builder = new ManifestBuilder();
        for (var i = 1; i <= 12; i++)
            builder.Workload("x/p" + i.ToString("00", CultureInfo.InvariantCulture), w => w.Kind(WorkloadKind.Pod).Labels(("app", "p")));
        return Evaluator.Evaluate(builder.Build());
    }
}
