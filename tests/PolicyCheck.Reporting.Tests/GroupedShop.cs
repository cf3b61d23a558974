using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// A cluster whose matrix really has groups, evaluated by the engine (hand-made matrices give every subject a group
/// of its own): shop/cart (Deployment ×2) and shop/checkout (Deployment ×1), both <c>tier: web</c>, accept only
/// each other on TCP 8080; shop/db (StatefulSet ×2, <c>tier: db</c>) accepts only web pods on TCP 5432, so its
/// replicas cannot talk; no egress is limited; no ipBlock, so the outside is one subject per address family, and
/// the two are alike. Groups: g1 {cart, checkout}, g2 {db}, g3 {IPv4 outside, IPv6 outside}.
/// </summary>
internal static class GroupedShop
{
    public const string Outside = "ext:0.0.0.0/0";

    public const string OutsideV6 = "ext:::/0";

    public static ReachabilityMatrix Matrix() => Evaluator.Evaluate(new ManifestBuilder()
        .Workload("shop/cart", w => w.Labels(("app", "cart"), ("tier", "web")).Replicas(2).Port(8080, "http"))
        .Workload("shop/checkout", w => w.Labels(("app", "checkout"), ("tier", "web")).Port(8080, "http"))
        .Workload("shop/db", w => w.Kind(WorkloadKind.StatefulSet).Labels(("app", "db"), ("tier", "db")).Replicas(2).Port(5432, "pg"))
        .Policy("shop/db-from-web", p => p.Select(("tier", "db")).Ingress(r => r.Pods(("tier", "web")).Port(5432)))
        .Policy("shop/web-from-web", p => p.Select(("tier", "web")).Ingress(r => r.Pods(("tier", "web")).Port(8080)))
        .Build());

    /// <summary>
    /// A storefront with groups of several sizes: six <c>tier: web</c> pods (egress only to api pods, and to the
    /// outside but 10.0.0.0/8 on TCP 443), two api Deployments ×3 that accept web pods on TCP 8080, 8443 and
    /// 9000-9100, a cache ×2 that accepts api pods on 6379 and itself on 16379, and a db ×2 that accepts api pods on 5432.
    /// Groups: {api-orders, api-stock}, {cache}, {db}, {six web pods}, the IPv4 outside but 10.0.0.0/8, and {10.0.0.0/8, IPv6},
    /// which the web pods alike may not reach.
    /// </summary>
    public static ReachabilityMatrix Storefront()
    {
        var builder = new ManifestBuilder();
        foreach (var name in new[] { "web-checkout", "web-catalog", "web-cart", "web-search", "web-account", "web-help" })
            builder.Workload("shop/" + name, w => w.Labels(("tier", "web")));
        return Evaluator.Evaluate(builder
            .Workload("shop/api-orders", w => w.Labels(("tier", "api")).Replicas(3))
            .Workload("shop/api-stock", w => w.Labels(("tier", "api")).Replicas(3))
            .Workload("shop/db", w => w.Kind(WorkloadKind.StatefulSet).Labels(("tier", "db")).Replicas(2))
            .Workload("shop/cache", w => w.Labels(("tier", "cache")).Replicas(2))
            .Policy("shop/api-from-web", p => p.Select(("tier", "api"))
                .Ingress(r => r.Pods(("tier", "web")).Port(8080).Port(8443).PortRange(9000, 9100)))
            .Policy("shop/db-from-api", p => p.Select(("tier", "db")).Ingress(r => r.Pods(("tier", "api")).Port(5432)))
            .Policy("shop/cache-from-api", p => p.Select(("tier", "cache"))
                .Ingress(r => r.Pods(("tier", "api")).Port(6379))
                .Ingress(r => r.Pods(("tier", "cache")).Port(16379)))
            .Policy("shop/web-egress", p => p.Select(("tier", "web"))
                .Egress(r => r.Pods(("tier", "api")))
                .Egress(r => r.IpBlock("0.0.0.0/0", "10.0.0.0/8").Port(443)))
            .Build());
    }

    /// <summary>Twelve bare pods of one kind: <c>x/p01</c>…<c>x/p12</c>, all alike, that may all reach each other.</summary>
    public static ReachabilityMatrix TwelveAlike()
    {
        var builder = new ManifestBuilder();
        for (var i = 1; i <= 12; i++)
            builder.Workload("x/p" + i.ToString("00", CultureInfo.InvariantCulture), w => w.Kind(WorkloadKind.Pod).Labels(("app", "p")));
        return Evaluator.Evaluate(builder.Build());
    }
}
