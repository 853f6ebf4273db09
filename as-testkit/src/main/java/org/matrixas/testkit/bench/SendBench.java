package org.matrixas.testkit.bench;

/**
 * {@code send}: {@code PUT /rooms/{id}/send} with identity assertion and {@code ts}, each event stored durably
 * before the answer, from 32 concurrent connections, against a bare no-op handler answering the same requests
 * from the same client. At 1, 10 and 100 application services.
 */
final class SendBench implements Benchmark {
    static final Target TARGET = Target.ratioAtLeast(0.3);

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String description() {
        return "CS send with identity assertion and ts, durable, 32 connections, vs a bare Undertow handler";
    }

    @Override
    public void run(BenchContext ctx) {
        for (int services : ctx.scale().serviceCounts()) {
            HsLoad.Result r = PushBench.load(ctx, services);
            ctx.add(Row.of("send/" + services + "as", r.sendPerSecond(), "events/s", r.sendReference(), TARGET)
                    .withNote(ctx.scale().connections() + " connections, " + r.events() + " events"));
        }
    }
}
