package org.matrixas.testkit.bench;

/**
 * {@code push}: events delivered homeserver → application services per second through the real pipeline (stored,
 * batched into transactions, pushed over HTTP to {@code as-protocol} endpoints), against the same transactions
 * pushed by the same client to a bare handler. At 1, 10 and 100 application services.
 */
final class PushBench implements Benchmark {
    static final Target TARGET = Target.ratioAtLeast(0.5).andAtLeast(50_000, "events/s");

    @Override
    public String name() {
        return "push";
    }

    @Override
    public String description() {
        return "HS -> AS events/s through the durable pipeline, vs the same transactions to a bare Undertow handler";
    }

    @Override
    public void run(BenchContext ctx) {
        for (int services : ctx.scale().serviceCounts()) {
            HsLoad.Result r = load(ctx, services);
            ctx.add(Row.of("push/" + services + "as", r.pushPerSecond(), "events/s", r.pushReference(), TARGET)
                    .withNote(String.format(java.util.Locale.ROOT, "%.1f events per transaction", r.eventsPerTxn())));
        }
    }

    /** One load run per service count, shared with {@link SendBench}. */
    static HsLoad.Result load(BenchContext ctx, int services) {
        return ctx.shared("hsload/" + services, () -> {
            try {
                BenchContext.log("homeserver load: %d services, %d events", services, ctx.scale().events());
                return HsLoad.run(services, ctx.scale().events(), ctx.scale().connections());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
